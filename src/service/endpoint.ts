/** Endpoint rules: normalise what is safe to normalise, refuse the rest before the key goes anywhere. */

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

export type EndpointCheck = { ok: true; endpoint: string } | { ok: false; error: string };

export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK.test(hostname);
}

export function checkEndpoint(value: string): EndpointCheck {
  const trimmed = value.trim().replace(/\/+$/, '');
  if (!trimmed) return { ok: false, error: 'Enter the endpoint of your Language resource.' };
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return {
      ok: false,
      error: 'Not a web address. It looks like https://<resource>.cognitiveservices.azure.com',
    };
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    return {
      ok: false,
      error: 'Use https://. Plain http:// is allowed only for localhost and 127.0.0.1.',
    };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, error: 'The endpoint must start with https://.' };
  }
  if (url.username || url.password) {
    return { ok: false, error: 'Remove the user name and password from the address.' };
  }
  if (url.pathname !== '/' || url.search || url.hash) {
    return {
      ok: false,
      error: `Enter only the resource address, without a path or query: ${url.origin}`,
    };
  }
  return { ok: true, endpoint: url.origin };
}

/** Where the local proxy listens on the app's own origin; the target follows as /{scheme}/{host}. */
export const PROXY_PREFIX = '/__proxy';

const AZURE_AI_HOST =
  /^[a-z0-9-]+(\.[a-z0-9-]+)*\.(cognitiveservices\.azure\.com|api\.cognitive\.microsoft\.com)$/i;

/** The proxy forwards only to Azure AI service hosts and, for local emulators, loopback. */
export function isProxyTarget(url: URL): boolean {
  if (url.protocol === 'https:' && AZURE_AI_HOST.test(url.hostname)) return true;
  return (url.protocol === 'http:' || url.protocol === 'https:') && isLoopbackHost(url.hostname);
}

/** The endpoint as the browser calls it through the proxy: a path on the app's own origin. */
export function proxiedEndpoint(endpoint: string, appOrigin: string): string {
  const url = new URL(endpoint);
  return `${appOrigin}${PROXY_PREFIX}/${url.protocol.replace(':', '')}/${url.host}`;
}
