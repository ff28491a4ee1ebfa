import {
  ENV_VARIABLES,
  headerLines,
  TERMINAL_STATUSES,
  WAIT_SECONDS,
  type SnippetRequest,
} from './snippet-request';

/** A word for bash, in single quotes: nothing inside is expanded. */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** Never a line of the JSON body: JSON strings cannot hold a raw line break. */
const BODY_DELIMITER = 'CLASSIFY_REQUEST_BODY';

/**
 * `--globoff`: curl reads `{a,b}` and `[1-9]` in a URL as many URLs; a job URL or a page link the
 * service returns must be one URL. The secret comes as `-H @<(auth_header)`: printf is a builtin,
 * so the header travels through a file descriptor and never through anyone's argv (`ps` shows argv).
 */
const CURL = 'curl --globoff -sS';

/** Seconds to wait from a Retry-After value (seconds or an HTTP date), kept within bounds. */
const WAIT_FUNCTION = [
  '# Seconds to wait from a Retry-After value (seconds or an HTTP date), within 1 to 60.',
  'wait_seconds() {',
  `  local value="\${1:-}" seconds=${WAIT_SECONDS.default} at`,
  '  case "$value" in',
  '    "") ;;',
  '    *[!0-9]*)',
  '      # GNU date, else BSD date (macOS).',
  '      if at=$(date -u -d "$value" +%s 2>/dev/null || date -u -j -f \'%a, %d %b %Y %T GMT\' "$value" +%s 2>/dev/null); then',
  '        seconds=$((at - $(date -u +%s)))',
  '      fi ;;',
  `    ?????*) seconds=${WAIT_SECONDS.max} ;;`,
  '    *) seconds=$((10#$value)) ;;',
  '  esac',
  `  if [ "$seconds" -lt ${WAIT_SECONDS.min} ]; then seconds=${WAIT_SECONDS.min}; fi`,
  `  if [ "$seconds" -gt ${WAIT_SECONDS.max} ]; then seconds=${WAIT_SECONDS.max}; fi`,
  '  echo "$seconds"',
  '}',
];

/**
 * A bash script that needs only curl, grep, sed, tr and date. It runs in a subshell, so pasting it
 * into a terminal leaves that shell's options and variables as they were. The body goes in a
 * here-doc with a quoted delimiter, so quotes, `$`, backticks and line breaks in the documents reach
 * the service as typed.
 */
export function curlSnippet(snippet: SnippetRequest): string {
  const { request, auth, endpoint } = snippet;
  const variable = ENV_VARIABLES[auth];
  const header = auth === 'key' ? 'Ocp-Apim-Subscription-Key: %s' : 'Authorization: Bearer %s';
  const body = JSON.stringify(request.body, null, 2);
  return [
    '#!/usr/bin/env bash',
    ...headerLines(snippet).map((line) => `# ${line}`),
    '# It runs in a subshell: your shell keeps its options and variables.',
    '(',
    'set -eu',
    `: "\${${variable}:?Set ${variable} first}"`,
    `endpoint=${shellQuote(endpoint)}`,
    '',
    '# The secret reaches curl through a file descriptor, never on a command line.',
    `auth_header() { printf '${header}\\n' "$${variable}"; }`,
    '',
    '# The secret goes to the endpoint only.',
    'on_endpoint() { case "$1" in "$endpoint"/*) return 0 ;; *) echo "Refused: $1 is not on $endpoint" >&2; return 1 ;; esac; }',
    '',
    ...WAIT_FUNCTION,
    '',
    '# Headers and body of an answer read with curl -i.',
    "headers_of() { printf '%s\\n' \"$1\" | tr -d '\\r' | sed '/^$/q'; }",
    "body_of() { printf '%s\\n' \"$1\" | tr -d '\\r' | sed '1,/^$/d'; }",
    'header_value() { headers_of "$1" | grep -i "^$2:" | head -n 1 | sed \'s/^[^:]*: *//\' || true; }',
    '',
    `response=$(${CURL} -i -X ${request.method} ${shellQuote(request.url)} \\`,
    "  -H @<(auth_header) -H 'Content-Type: application/json' \\",
    `  --data-binary @- <<'${BODY_DELIMITER}'`,
    body,
    BODY_DELIMITER,
    ')',
    `printf '%s\\n' "$response" | head -n 1`,
    'job_url=$(header_value "$response" operation-location)',
    'if [ -z "$job_url" ]; then printf \'%s\\n\' "$response"; exit 1; fi',
    'on_endpoint "$job_url"',
    'echo "Job: $job_url"',
    '',
    'while :; do',
    `  response=$(${CURL} -i "$job_url" -H @<(auth_header))`,
    '  wait=$(wait_seconds "$(header_value "$response" retry-after)")',
    '  code=$(headers_of "$response" | head -n 1 | cut -d " " -f 2)',
    '  if [ "$code" = 429 ]; then echo "Throttled: waiting $wait s"; sleep "$wait"; continue; fi',
    '  job=$(body_of "$response")',
    '  status=$(printf \'%s\' "$job" | grep -o \'"status" *: *"[^"]*"\' | head -n 1 | sed \'s/.*"\\([^"]*\\)"$/\\1/\' || true)',
    '  echo "Status: $status"',
    "  case \"$(printf '%s' \"$status\" | tr '[:upper:]' '[:lower:]')\" in",
    `    ${TERMINAL_STATUSES.join('|')}) break ;;`,
    '    "") printf \'%s\\n\' "$job"; exit 1 ;;',
    '  esac',
    '  sleep "$wait"',
    'done',
    '',
    '# Results come a page at a time; the next page is in nextLink.',
    'while :; do',
    '  printf \'%s\\n\' "$job"',
    '  next=$(printf \'%s\' "$job" | grep -o \'"@\\{0,1\\}nextLink" *: *"[^"]*"\' | head -n 1 | sed \'s/.*"\\([^"]*\\)"$/\\1/\' || true)',
    '  [ -n "$next" ] || break',
    '  on_endpoint "$next"',
    `  job=$(${CURL} "$next" -H @<(auth_header))`,
    'done',
    ')',
    '',
  ].join('\n');
}
