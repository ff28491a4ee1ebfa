/**
 * Endpoint rules, checked once: an endpoint is an origin spelt one way (`https://` and a host of
 * `[a-z0-9.-]` labels, or plain `http://` on loopback), or it is refused with a reason in plain
 * words. The client, the snippets, shared links and the proxy all take the normalised origin, so
 * nothing downstream can read the host differently (curl expands `{a,b}`, browsers accept `{`).
 */

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;
/** A DNS label: letters, digits and inner hyphens, 1 to 63 characters. */
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const MAX_HOST_LENGTH = 253;
const EXAMPLE = 'https://<resource>.cognitiveservices.azure.com';

/** The hosts of Azure AI services: the only ones the local proxy serves, the ones a link may name unwarned. */
const AZURE_AI_HOST =
  /^[a-z0-9-]+(\.[a-z0-9-]+)*\.(cognitiveservices\.azure\.com|api\.cognitive\.microsoft\.com)$/i;

export const AZURE_AI_HOST_PATTERNS = [
  '*.cognitiveservices.azure.com',
  '*.api.cognitive.microsoft.com',
] as const;

type EndpointCheck = { ok: true; endpoint: string } | { ok: false; error: string };

function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK.test(hostname);
}

export function isAzureAiHost(hostname: string): boolean {
  return AZURE_AI_HOST.test(hostname);
}

const refuse = (error: string): EndpointCheck => ({ ok: false, error });

/** Characters a host may not hold, each once, quoted so that a space or a brace shows. */
function strayCharacters(host: string): string {
  const stray = [...new Set(host.replace(/[a-z0-9.-]/g, ''))].slice(0, 4);
  return stray.map((character) => `“${character}”`).join(', ');
}

/** Why a host name is not one host spelt one way, or undefined when it is. */
function hostProblem(host: string): string | undefined {
  if (!host) return `Enter the host name after https://, as in ${EXAMPLE}`;
  if (/[^\x20-\x7e]/.test(host)) {
    return 'Write an international host name in its xn-- form (punycode), as the Azure portal shows it.';
  }
  if (/[^a-z0-9.-]/.test(host)) {
    return `A host name has only letters a–z, digits, dots and hyphens; this one also has ${strayCharacters(host)}.`;
  }
  if (host.length > MAX_HOST_LENGTH) return 'The host name is longer than 253 characters.';
  const labels = host.split('.');
  if (labels.some((label) => label === '')) return 'The host name has an empty part between dots.';
  const bad = labels.find((label) => !LABEL.test(label));
  if (bad !== undefined) {
    return bad.length > 63
      ? 'A part of the host name between dots is longer than 63 characters.'
      : `A part of the host name cannot start or end with a hyphen (“${bad}”).`;
  }
  const last = labels.at(-1) ?? '';
  // Browsers read such hosts as IPv4 addresses (127.1, 0x7f.1, 2130706433): only the plain form is one host.
  if (/^(\d+|0x[0-9a-f]*)$/.test(last)) {
    const quad = labels.length === 4 && labels.every((label) => /^(0|[1-9]\d{0,2})$/.test(label));
    if (!quad || labels.some((label) => Number(label) > 255)) {
      return 'Write an IP address as four numbers from 0 to 255 (such as 127.0.0.1), or use the host name.';
    }
  }
  return undefined;
}

function tailProblem(tail: string, origin: string): string {
  const what = tail.startsWith('?') ? 'a query' : tail.startsWith('#') ? 'a fragment' : 'a path';
  return `Enter only the resource address, without a path, query or fragment (this one has ${what}): ${origin}`;
}

/** The endpoint as one normalised origin (lower case, no trailing dot or default port), or why not. */
export function checkEndpoint(value: string): EndpointCheck {
  const trimmed = value.trim();
  if (!trimmed) return refuse('Enter the endpoint of your Language resource.');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(trimmed);
  if (!scheme?.[1]) return refuse(`Not a web address. It looks like ${EXAMPLE}`);
  const protocol = scheme[1].toLowerCase();
  if (protocol !== 'https' && protocol !== 'http') {
    return refuse('The endpoint must start with https://.');
  }
  const rest = trimmed.slice(scheme[0].length);
  if (!rest.startsWith('//')) return refuse(`Not a web address. It looks like ${EXAMPLE}`);
  // The address of the host ends at the first / ? # (or \, which browsers read as /).
  const end = rest.slice(2).search(/[/?#\\]/);
  const authority = end === -1 ? rest.slice(2) : rest.slice(2, end + 2);
  const tail = end === -1 ? '' : rest.slice(end + 2);
  if (authority.includes('@')) {
    return refuse('Remove the user name and password (the part before @) from the address.');
  }
  const parts = /^(\[[^\]]*\]|[^:[\]]*)(?::([^:]*))?$/.exec(authority);
  if (!parts) return refuse('The host name has a colon or a bracket where it cannot.');
  const host = (parts[1] ?? '').toLowerCase().replace(/\.$/, '');
  if (host.startsWith('[')) {
    if (host !== '[::1]') return refuse('An IPv6 address is accepted for [::1] (loopback) only.');
  } else {
    const problem = hostProblem(host);
    if (problem) return refuse(problem);
  }
  const port = parts[2];
  if (port !== undefined && !/^[1-9]\d{0,4}$/.test(port)) {
    return refuse('Write the port after : as a number from 1 to 65535, or leave it out.');
  }
  if (port !== undefined && Number(port) > 65535) return refuse('A port is at most 65535.');
  if (protocol === 'http' && !isLoopbackHost(host)) {
    return refuse('Use https://. Plain http:// is allowed only for localhost and 127.0.0.1.');
  }
  const defaultPort = protocol === 'https' ? '443' : '80';
  const origin = `${protocol}://${host}${port && port !== defaultPort ? `:${port}` : ''}`;
  if (tail !== '' && tail !== '/') return refuse(tailProblem(tail, origin));
  // The browser's own reading must agree, or the page and a snippet could reach different hosts.
  try {
    if (new URL(origin).origin !== origin) throw new Error('read differently');
  } catch {
    return refuse('This host name is not one a browser reads the same way. Check it.');
  }
  return { ok: true, endpoint: origin };
}

/** Whether a value is already a normalised endpoint: what a snippet or the proxy may be handed. */
export function isNormalisedEndpoint(value: string): boolean {
  const check = checkEndpoint(value);
  return check.ok && check.endpoint === value;
}

/** Where the local proxy listens on the app's own origin; the target follows as /{scheme}/{host}. */
export const PROXY_PREFIX = '/__proxy';

/** The proxy forwards only to Azure AI service hosts and, for local emulators, loopback. */
export function isProxyTarget(url: URL): boolean {
  if (url.protocol === 'https:' && isAzureAiHost(url.hostname)) return true;
  return (url.protocol === 'http:' || url.protocol === 'https:') && isLoopbackHost(url.hostname);
}

/** The endpoint as the browser calls it through the proxy: a path on the app's own origin. */
export function proxiedEndpoint(endpoint: string, appOrigin: string): string {
  const url = new URL(endpoint);
  return `${appOrigin}${PROXY_PREFIX}/${url.protocol.replace(':', '')}/${url.host}`;
}
