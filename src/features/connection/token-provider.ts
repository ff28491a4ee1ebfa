/** Where an access token comes from: Sign in with Microsoft, or a fake one in tests. */
export interface TokenProvider {
  /** A token for https://cognitiveservices.azure.com; silent when it can be, a popup otherwise. */
  getToken(): Promise<string>;
}

export const COGNITIVE_SERVICES_SCOPE = 'https://cognitiveservices.azure.com/.default';

export interface SignInConfig {
  tenantId: string;
  clientId: string;
}

/** A tenant is a GUID or a domain; `organizations` and `common` work for multi-tenant apps. */
const TENANT_PATTERN = /^[A-Za-z0-9.-]{1,100}$/;
const CLIENT_ID_PATTERN =
  /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/** The sign-in settings typed in the UI, else the build's (VITE_MSAL_TENANT_ID, VITE_MSAL_CLIENT_ID). */
export function signInConfig(
  typed: SignInConfig,
  built: { tenantId?: string | undefined; clientId?: string | undefined },
): SignInConfig | undefined {
  const tenantId = typed.tenantId.trim() || (built.tenantId ?? '').trim();
  const clientId = typed.clientId.trim() || (built.clientId ?? '').trim();
  if (!TENANT_PATTERN.test(tenantId) || !CLIENT_ID_PATTERN.test(clientId)) return undefined;
  return { tenantId, clientId };
}

/** When to renew a token silently: two minutes before it expires, and not in the past. */
export function renewalDelay(expiresAt: Date | undefined, now: number): number | undefined {
  if (!expiresAt) return undefined;
  return Math.max(0, expiresAt.getTime() - now - 2 * 60_000);
}
