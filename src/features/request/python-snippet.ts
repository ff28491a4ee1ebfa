import {
  ENV_VARIABLES,
  headerLines,
  TERMINAL_STATUSES,
  WAIT_SECONDS,
  type SnippetRequest,
} from './snippet-request';

/**
 * A value as Python source. JSON's string escapes are all valid in Python string literals; only
 * true, false and null differ.
 */
export function pythonLiteral(value: unknown, indent = ''): string {
  const inner = `${indent}    `;
  if (value === null || value === undefined) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number' || typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const items: unknown[] = value;
    return `[\n${items.map((item) => `${inner}${pythonLiteral(item, inner)},`).join('\n')}\n${indent}]`;
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 0) return '{}';
    const lines = entries.map(
      ([name, item]) => `${inner}${JSON.stringify(name)}: ${pythonLiteral(item, inner)},`,
    );
    return `{\n${lines.join('\n')}\n${indent}}`;
  }
  return 'None';
}

/** A Python 3 script using requests. */
export function pythonSnippet(snippet: SnippetRequest): string {
  const { request, auth, endpoint } = snippet;
  const variable = ENV_VARIABLES[auth];
  const authHeader =
    auth === 'key'
      ? `{"Ocp-Apim-Subscription-Key": os.environ["${variable}"]}`
      : `{"Authorization": "Bearer " + os.environ["${variable}"]}`;
  return [
    ...headerLines(snippet).map((line) => `# ${line}`),
    'import json',
    'import os',
    'import sys',
    'import time',
    'from datetime import datetime, timezone',
    'from email.utils import parsedate_to_datetime',
    '',
    'import requests',
    '',
    `if not os.environ.get("${variable}"):`,
    `    sys.exit("Set ${variable} first.")`,
    `endpoint = ${JSON.stringify(endpoint)}`,
    `auth = ${authHeader}`,
    `terminal = {${TERMINAL_STATUSES.map((status) => JSON.stringify(status)).join(', ')}}`,
    '',
    '',
    'def on_endpoint(url):',
    '    """The secret goes to the endpoint only."""',
    '    if not url.startswith(endpoint + "/"):',
    '        sys.exit(f"Refused: {url} is not on {endpoint}")',
    '    return url',
    '',
    '',
    'def wait_seconds(value):',
    '    """Seconds to wait from a Retry-After value (seconds or an HTTP date), within 1 to 60."""',
    '    if value is None:',
    `        return ${WAIT_SECONDS.default}`,
    '    try:',
    '        if value.strip().isdigit():',
    '            seconds = float(value)',
    '        else:',
    '            at = parsedate_to_datetime(value)',
    '            if at.tzinfo is None:',
    '                at = at.replace(tzinfo=timezone.utc)',
    '            seconds = (at - datetime.now(timezone.utc)).total_seconds()',
    '    except (TypeError, ValueError, OverflowError):',
    `        return ${WAIT_SECONDS.default}`,
    `    return min(${WAIT_SECONDS.max}, max(${WAIT_SECONDS.min}, seconds))`,
    '',
    '',
    `body = ${pythonLiteral(request.body)}`,
    '',
    'submitted = requests.request(',
    `    ${JSON.stringify(request.method)}, ${JSON.stringify(request.url)}, headers=auth, json=body, allow_redirects=False`,
    ')',
    'print(f"Submit: {submitted.status_code}")',
    'job_url = submitted.headers.get("operation-location")',
    'if not job_url:',
    '    sys.exit(submitted.text)',
    'print(f"Job: {on_endpoint(job_url)}")',
    '',
    'while True:',
    '    response = requests.get(job_url, headers=auth, allow_redirects=False)',
    '    wait = wait_seconds(response.headers.get("retry-after"))',
    '    if response.status_code == 429:',
    '        print(f"Throttled: waiting {wait} s")',
    '        time.sleep(wait)',
    '        continue',
    '    job = response.json()',
    '    if not response.ok:',
    '        sys.exit(json.dumps(job))',
    '    print(f"Status: {job.get(\'status\')}")',
    '    if str(job.get("status")).lower() in terminal:',
    '        break',
    '    time.sleep(wait)',
    '',
    '# Results come a page at a time; the next page is in nextLink.',
    'while True:',
    '    print(json.dumps(job, indent=2, ensure_ascii=False))',
    '    next_link = job.get("nextLink") or job.get("@nextLink")',
    '    if not next_link:',
    '        break',
    '    job = requests.get(on_endpoint(next_link), headers=auth, allow_redirects=False).json()',
    '',
  ].join('\n');
}
