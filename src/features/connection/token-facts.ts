import {
  isCognitiveServicesAudience,
  readTokenClaims,
  tokenStatus,
  type TimeClaim,
} from '../../service/token-claims';

type TokenFacts =
  | { ok: false; reason: string }
  | {
      ok: true;
      who: string | undefined;
      expiresAt: Date | undefined;
      status: ReturnType<typeof tokenStatus>;
      /** False when the token names another audience: the service would refuse it. */
      forCognitiveServices: boolean;
      /** What the token says about its times that cannot be read, in words; none when all can. */
      timeProblem: string | undefined;
    };

const TIME_CLAIM_WORDS: Record<TimeClaim, string> = {
  exp: 'when it expires (exp)',
  nbf: 'when it becomes valid (nbf)',
  iat: 'when it was issued (iat)',
};

/** "Its claim of when it expires (exp) is not a usable time." */
function timeProblemOf(claims: readonly TimeClaim[]): string | undefined {
  if (claims.length === 0) return undefined;
  const words = claims.map((claim) => TIME_CLAIM_WORDS[claim]);
  const listed =
    words.length === 1 ? words[0] : `${words.slice(0, -1).join(', ')} and ${words.at(-1) ?? ''}`;
  return `Its claim of ${listed} is not a usable time (not a number, or beyond any date).`;
}

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
    timeProblem: timeProblemOf(claims.unusableTimes),
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
