import {
  ENV_VARIABLES,
  headerLines,
  TERMINAL_STATUSES,
  type SnippetRequest,
} from './snippet-request';

/** A word for bash, in single quotes: nothing inside is expanded. */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** Never a line of the JSON body: JSON strings cannot hold a raw line break. */
const BODY_DELIMITER = 'CLASSIFY_REQUEST_BODY';

/**
 * A bash script that needs only curl, grep, sed and tr. The body goes in a here-doc with a quoted
 * delimiter, so quotes, `$`, backticks and line breaks in the documents reach the service as typed.
 */
export function curlSnippet(snippet: SnippetRequest): string {
  const { request, auth, endpoint } = snippet;
  const variable = ENV_VARIABLES[auth];
  const header =
    auth === 'key'
      ? `"Ocp-Apim-Subscription-Key: $${variable}"`
      : `"Authorization: Bearer $${variable}"`;
  const body = JSON.stringify(request.body, null, 2);
  return [
    '#!/usr/bin/env bash',
    ...headerLines(snippet).map((line) => `# ${line}`),
    'set -eu',
    `: "\${${variable}:?Set ${variable} first}"`,
    `endpoint=${shellQuote(endpoint)}`,
    `auth=${header}`,
    '',
    '# The secret goes to the endpoint only.',
    'on_endpoint() { case "$1" in "$endpoint"/*) return 0 ;; *) echo "Refused: $1 is not on $endpoint" >&2; return 1 ;; esac; }',
    '',
    `response=$(curl -sS -i -X ${request.method} ${shellQuote(request.url)} \\`,
    '  -H "$auth" -H \'Content-Type: application/json\' \\',
    `  --data-binary @- <<'${BODY_DELIMITER}'`,
    body,
    BODY_DELIMITER,
    ')',
    `printf '%s\\n' "$response" | head -n 1`,
    "job_url=$(printf '%s\\n' \"$response\" | tr -d '\\r' | grep -i '^operation-location:' | head -n 1 | sed 's/^[^:]*: *//' || true)",
    'if [ -z "$job_url" ]; then printf \'%s\\n\' "$response"; exit 1; fi',
    'on_endpoint "$job_url"',
    'echo "Job: $job_url"',
    '',
    'while :; do',
    '  job=$(curl -sS "$job_url" -H "$auth")',
    '  status=$(printf \'%s\' "$job" | grep -o \'"status" *: *"[^"]*"\' | head -n 1 | sed \'s/.*"\\([^"]*\\)"$/\\1/\' || true)',
    '  echo "Status: $status"',
    "  case \"$(printf '%s' \"$status\" | tr '[:upper:]' '[:lower:]')\" in",
    `    ${TERMINAL_STATUSES.join('|')}) break ;;`,
    '    "") printf \'%s\\n\' "$job"; exit 1 ;;',
    '  esac',
    '  sleep 2',
    'done',
    '',
    '# Results come a page at a time; the next page is in nextLink.',
    'while :; do',
    '  printf \'%s\\n\' "$job"',
    '  next=$(printf \'%s\' "$job" | grep -o \'"@\\{0,1\\}nextLink" *: *"[^"]*"\' | head -n 1 | sed \'s/.*"\\([^"]*\\)"$/\\1/\' || true)',
    '  [ -n "$next" ] || break',
    '  on_endpoint "$next"',
    '  job=$(curl -sS "$next" -H "$auth")',
    'done',
    '',
  ].join('\n');
}
