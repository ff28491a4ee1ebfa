import {
  isCognitiveServicesAudience,
  readTokenClaims,
  tokenStatus,
} from '../../service/token-claims';

export type TokenFacts =
  | { ok: false; reason: string }
  | {
      ok: true;
      who: string | undefined;
      expiresAt: Date | undefined;
      status: ReturnType<typeof tokenStatus>;
      /** False when the token names another audience: the service would refuse it. */
      forCognitiveServices: boolean;
    };

/** What a pasted token says about itself (unverified) and how it stands at `now`. */
export function tokenFacts(token: string, now: number): TokenFacts {
  const reading = readTokenClaims(token);
  if (!reading.ok) return reading;
  const { claims } = reading;
  return {
    ok: true,
    who: claims.who,
    expiresAt: claims.expiresAt,
    status: tokenStatus(claims, now),
    forCognitiveServices: isCognitiveServicesAudience(claims.audience),
  };
}

/** "in 42 min", "in 30 s", "3 min ago". */
export function relativeTime(at: Date, now: number): string {
  const seconds = Math.round((at.getTime() - now) / 1000);
  const size = Math.abs(seconds);
  const amount =
    size < 90
      ? `${size} s`
      : size < 5400
        ? `${Math.round(size / 60)} min`
        : `${Math.round(size / 3600)} h`;
  return seconds >= 0 ? `in ${amount}` : `${amount} ago`;
}
