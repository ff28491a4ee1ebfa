import {
  ENV_VARIABLES,
  headerLines,
  TERMINAL_STATUSES,
  type SnippetRequest,
} from './snippet-request';

/** An ES module for Node 18 or later (`node classify.mjs`), using the built-in fetch. */
export function fetchSnippet(snippet: SnippetRequest): string {
  const { request, auth, endpoint } = snippet;
  const variable = ENV_VARIABLES[auth];
  const authHeader =
    auth === 'key'
      ? `{ 'Ocp-Apim-Subscription-Key': secret }`
      : '{ Authorization: `Bearer ${secret}` }';
  return [
    ...headerLines(snippet).map((line) => `// ${line}`),
    '// Run with Node 18 or later as an ES module: node classify.mjs',
    `const secret = process.env.${variable};`,
    `if (!secret) throw new Error('Set ${variable} first.');`,
    `const endpoint = ${JSON.stringify(endpoint)};`,
    `const auth = ${authHeader};`,
    `const terminal = new Set(${JSON.stringify(TERMINAL_STATUSES)});`,
    '',
    '// The secret goes to the endpoint only, and redirects are not followed.',
    'function onEndpoint(url) {',
    '  if (!url.startsWith(`${endpoint}/`)) throw new Error(`Refused: ${url} is not on ${endpoint}`);',
    '  return url;',
    '}',
    '',
    `const body = ${JSON.stringify(request.body, null, 2)};`,
    '',
    `const submitted = await fetch(${JSON.stringify(request.url)}, {`,
    `  method: ${JSON.stringify(request.method)},`,
    "  headers: { ...auth, 'Content-Type': 'application/json' },",
    '  body: JSON.stringify(body),',
    "  redirect: 'error',",
    '});',
    'console.log(`Submit: ${submitted.status}`);',
    "const jobUrl = submitted.headers.get('operation-location');",
    'if (!jobUrl) throw new Error(await submitted.text());',
    'console.log(`Job: ${onEndpoint(jobUrl)}`);',
    '',
    'let job;',
    'for (;;) {',
    "  const response = await fetch(jobUrl, { headers: auth, redirect: 'error' });",
    '  job = await response.json();',
    '  if (!response.ok) throw new Error(JSON.stringify(job));',
    '  console.log(`Status: ${job.status}`);',
    '  if (terminal.has(String(job.status).toLowerCase())) break;',
    "  const seconds = Number(response.headers.get('retry-after') ?? 2);",
    '  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));',
    '}',
    '',
    '// Results come a page at a time; the next page is in nextLink.',
    'for (;;) {',
    '  console.log(JSON.stringify(job, null, 2));',
    "  const next = job.nextLink ?? job['@nextLink'];",
    '  if (!next) break;',
    "  job = await (await fetch(onEndpoint(next), { headers: auth, redirect: 'error' })).json();",
    '}',
    '',
  ].join('\n');
}
