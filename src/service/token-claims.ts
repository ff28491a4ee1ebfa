import { COGNITIVE_SERVICES_RESOURCE } from './errors';

/**
 * What a Microsoft Entra access token says about itself, read from its payload WITHOUT verifying
 * the signature: good for showing who it is for and when it expires, never for trusting it.
 */

interface TokenClaims {
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
  /** `exp`; undefined when the token has none, or none that is a usable time. */
  expiresAt: Date | undefined;
  /** `iat`. */
  issuedAt: Date | undefined;
  /** `nbf`: not valid before. */
  notBefore: Date | undefined;
  /** Time claims present but not a usable time (not a number, or beyond what a date can hold). */
  unusableTimes: TimeClaim[];
}

export type TimeClaim = 'exp' | 'nbf' | 'iat';

type TokenReading = { ok: true; claims: TokenClaims } | { ok: false; reason: string };

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

/**
 * Characters that reorder or hide text: bidi embeddings and overrides (U+202A–U+202E), isolates
 * (U+2066–U+2069) and the directional marks (U+200E, U+200F, U+061C). In a claim they can only
 * disguise a name ("Demo User" shown for a string that reads otherwise), so they are dropped.
 */
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** A claim as it may be shown: without bidi controls. */
function displayable(value: string): string {
  return value.replace(BIDI_CONTROLS, '');
}

const text = (value: unknown): string | undefined => {
  if (typeof value !== 'string') return undefined;
  const shown = displayable(value).trim();
  return shown !== '' ? shown : undefined;
};

/** JavaScript dates hold ±8.64e15 ms, ±8.64e12 s: beyond that `new Date` is Invalid Date. */
const MAX_DATE_SECONDS = 8.64e12;

/** Seconds since the epoch as a date; undefined when the claim is not a usable time. */
function seconds(value: unknown): Date | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value)) return undefined;
  if (Math.abs(value) > MAX_DATE_SECONDS) return undefined;
  const date = new Date(value * 1000);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

function audienceOf(value: unknown): string | undefined {
  if (Array.isArray(value)) {
    const all = value.flatMap((item) => text(item) ?? []);
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
  const unusableTimes = (['exp', 'nbf', 'iat'] as const).filter(
    (claim) => claims[claim] !== undefined && seconds(claims[claim]) === undefined,
  );
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
      notBefore: seconds(claims.nbf),
      unusableTimes,
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
const TOKEN_EXPIRY_WARNING_MS = 60_000;

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
