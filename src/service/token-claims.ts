import { COGNITIVE_SERVICES_RESOURCE } from './errors';

/**
 * What a Microsoft Entra access token says about itself, read from its payload WITHOUT verifying
 * the signature: good for showing who it is for and when it expires, never for trusting it.
 */

export interface TokenClaims {
  /** `aud`, several joined by ", " (an Entra token has one). */
  audience: string | undefined;
  /** Who it is for, as people name them: `name`, else `upn`, `preferred_username`, `unique_name`, `appid`/`azp`, `sub`. */
  who: string | undefined;
  name: string | undefined;
  upn: string | undefined;
  /** An application's token (client credentials) names the app instead of a person. */
  appId: string | undefined;
  subject: string | undefined;
  /** `tid`, the directory (tenant) id. */
  tenant: string | undefined;
  /** `exp`; undefined when the token has none. */
  expiresAt: Date | undefined;
  /** `iat`. */
  issuedAt: Date | undefined;
}

export type TokenReading = { ok: true; claims: TokenClaims } | { ok: false; reason: string };

const BASE64URL_PART = /^[A-Za-z0-9_-]+={0,2}$/;

/** Three base64url parts separated by dots (the signature may be empty in an unsigned token). */
export function looksLikeJwt(token: string): boolean {
  const parts = token.trim().split('.');
  return (
    parts.length === 3 &&
    BASE64URL_PART.test(parts[0] ?? '') &&
    BASE64URL_PART.test(parts[1] ?? '') &&
    (parts[2] === '' || BASE64URL_PART.test(parts[2] ?? ''))
  );
}

function decodeBase64Url(part: string): string {
  const base64 = part.replace(/=+$/, '').replace(/-/g, '+').replace(/_/g, '/');
  const padded = base64 + '='.repeat((4 - (base64.length % 4)) % 4);
  const binary = atob(padded);
  const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

const seconds = (value: unknown): Date | undefined =>
  typeof value === 'number' && Number.isFinite(value) ? new Date(value * 1000) : undefined;

function audienceOf(value: unknown): string | undefined {
  if (Array.isArray(value)) {
    const all = value.filter((item): item is string => typeof item === 'string');
    return all.length ? all.join(', ') : undefined;
  }
  return text(value);
}

function isClaimSet(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Decodes the payload; a reason (for people) when the text is not a JWT. */
export function readTokenClaims(token: string): TokenReading {
  const trimmed = token.trim().replace(/^Bearer\s+/i, '');
  if (!trimmed) return { ok: false, reason: 'No token was given.' };
  if (!looksLikeJwt(trimmed)) {
    return {
      ok: false,
      reason:
        'This does not look like an access token: a token is three base64url parts separated by dots (eyJ….eyJ….…).',
    };
  }
  let payload: unknown;
  try {
    payload = JSON.parse(decodeBase64Url(trimmed.split('.')[1] ?? ''));
  } catch {
    return { ok: false, reason: 'The middle part of the token is not base64url-encoded JSON.' };
  }
  // Each claim is read on its own below (text, seconds), so an object is all this needs to be.
  if (!isClaimSet(payload))
    return { ok: false, reason: 'The token’s payload is not a set of claims.' };
  const claims = payload;
  const name = text(claims.name);
  const upn = text(claims.upn) ?? text(claims.preferred_username) ?? text(claims.unique_name);
  const appId = text(claims.appid) ?? text(claims.azp);
  const subject = text(claims.sub);
  return {
    ok: true,
    claims: {
      audience: audienceOf(claims.aud),
      who: name ?? upn ?? appId ?? subject,
      name,
      upn,
      appId,
      subject,
      tenant: text(claims.tid),
      expiresAt: seconds(claims.exp),
      issuedAt: seconds(claims.iat),
    },
  };
}

/** Whether `aud` names the Cognitive Services resource (with or without the trailing slash). */
export function isCognitiveServicesAudience(audience: string | undefined): boolean {
  if (!audience) return false;
  return audience
    .split(', ')
    .some((item) => item.replace(/\/+$/, '') === COGNITIVE_SERVICES_RESOURCE);
}

/** Warn this long before a token expires. */
export const TOKEN_EXPIRY_WARNING_MS = 60_000;

/** `expiring`: within a minute of `exp`; `unknown`: the token has no `exp`. */
export function tokenStatus(
  claims: Pick<TokenClaims, 'expiresAt'>,
  now: number = Date.now(),
): 'valid' | 'expiring' | 'expired' | 'unknown' {
  if (!claims.expiresAt) return 'unknown';
  const left = claims.expiresAt.getTime() - now;
  if (left <= 0) return 'expired';
  return left <= TOKEN_EXPIRY_WARNING_MS ? 'expiring' : 'valid';
}
