import { COGNITIVE_SERVICES_RESOURCE } from '../service/errors';
import { isCognitiveServicesAudience, readTokenClaims } from '../service/token-claims';

/** Fake Microsoft Entra tokens for the demo: unsigned, so they are good for nothing else. */

const DEMO_TENANT = '0000de70-0000-4000-8000-00000000de70';

function base64Url(json: unknown): string {
  const bytes = new TextEncoder().encode(JSON.stringify(json));
  return btoa(String.fromCharCode(...bytes))
    .replace(/=+$/, '')
    .replace(/\+/g, '-')
    .replace(/\//g, '_');
}

/** An unsigned JWT for https://cognitiveservices.azure.com that expires `expiresInSeconds` from `now`. */
export function demoAccessToken(expiresInSeconds = 3600, now = Date.now()): string {
  const issuedAt = Math.floor(now / 1000);
  const header = { typ: 'JWT', alg: 'none' };
  const payload = {
    aud: COGNITIVE_SERVICES_RESOURCE,
    iss: `https://sts.windows.net/${DEMO_TENANT}/`,
    iat: issuedAt,
    nbf: issuedAt,
    exp: issuedAt + expiresInSeconds,
    name: 'Demo User',
    upn: 'demo.user@contoso.example',
    tid: DEMO_TENANT,
    sub: 'demo-user-subject',
  };
  return `${base64Url(header)}.${base64Url(payload)}.`;
}

type DemoTokenCheck = 'ok' | 'not-a-token' | 'expired' | 'wrong-audience';

/** What the demo makes of an `Authorization` header: any JWT-shaped token for the resource, until its `exp`. */
export function checkDemoBearer(authorization: string, now: number): DemoTokenCheck {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
  if (!match?.[1]) return 'not-a-token';
  const reading = readTokenClaims(match[1]);
  if (!reading.ok) return 'not-a-token';
  const { audience, expiresAt } = reading.claims;
  if (audience !== undefined && !isCognitiveServicesAudience(audience)) return 'wrong-audience';
  if (expiresAt && expiresAt.getTime() <= now) return 'expired';
  return 'ok';
}
