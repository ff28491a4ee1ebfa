/**
 * A container SAS URL, as the user pastes it. It is a secret like the key: kept in memory only,
 * shown redacted, never logged, stored or exported.
 */

export interface SasFacts {
  /** The container URL without its query (no signature). */
  containerUrl: string;
  containerName: string;
  /** What is shown: the container URL, the rights and the expiry; never the signature. */
  redacted: string;
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);
/** Read (r), write (w) and list (l): Put Blob, and reading back what is already there. */
const NEEDED_RIGHTS = ['r', 'w', 'l'] as const;

/** The SAS URL's facts, or why it cannot be used. */
export function readSasUrl(value: string): { facts: SasFacts } | { problem: string } {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return { problem: 'This is not a URL. Paste the container’s SAS URL (Blob SAS URL).' };
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.has(url.hostname))) {
    return { problem: 'A SAS URL must use https (http only for a local emulator).' };
  }
  const params = url.searchParams;
  if (!params.get('sig')) {
    return { problem: 'The URL has no signature (sig=): copy the SAS URL, not the container URL.' };
  }
  const segments = url.pathname.split('/').filter(Boolean);
  // Azure names the container first; an emulator's path-style URL names the account first.
  const containerName = segments.at(-1);
  if (!containerName || segments.length > 2) {
    return {
      problem: 'The URL must name a container (…/container?sv=…), not a blob or the account.',
    };
  }
  const rights = params.get('sp') ?? '';
  const missing = NEEDED_RIGHTS.filter((right) => !rights.includes(right));
  if (missing.length > 0) {
    return {
      problem: `The SAS lacks the ${missing.map((right) => ({ r: 'read', w: 'write', l: 'list' })[right]).join(', ')} right${missing.length > 1 ? 's' : ''} (sp=${rights || 'none'}); it needs read, write and list.`,
    };
  }
  const expiry = params.get('se');
  if (expiry && Date.parse(expiry) <= Date.now()) {
    return { problem: `The SAS expired at ${expiry}.` };
  }
  const containerUrl = `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  return {
    facts: {
      containerUrl,
      containerName,
      redacted: `${containerUrl}?sp=${rights}${expiry ? `&se=${expiry}` : ''}&sig=…`,
    },
  };
}

export interface CorsRule {
  allowedOrigins: string;
  allowedMethods: string;
  allowedHeaders: string;
  exposedHeaders: string;
  maxAgeInSeconds: number;
}

/**
 * The Blob service CORS rule this page needs: Put Blob (PUT), reading a blob's properties back
 * (HEAD) and its preflight (OPTIONS), from this page's origin.
 */
export function corsRuleFor(origin: string): CorsRule {
  return {
    allowedOrigins: origin,
    allowedMethods: 'GET, HEAD, PUT, OPTIONS',
    allowedHeaders: '*',
    exposedHeaders: '*',
    maxAgeInSeconds: 500,
  };
}
