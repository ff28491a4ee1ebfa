import { COGNITIVE_SERVICES_SCOPE, type SignInConfig, type TokenProvider } from './token-provider';

/**
 * Sign in with Microsoft through MSAL's popup flow; later tokens come silently. MSAL is loaded
 * only when someone signs in, so it is not in the first bundle, and it keeps its cache in memory.
 */
export function createMsalTokenProvider({ tenantId, clientId }: SignInConfig): TokenProvider {
  const app = (async () => {
    const msal = await import('@azure/msal-browser');
    const client = await msal.createStandardPublicClientApplication({
      auth: {
        clientId,
        authority: `https://login.microsoftonline.com/${encodeURIComponent(tenantId)}`,
        redirectUri: location.origin,
      },
      cache: { cacheLocation: msal.BrowserCacheLocation.MemoryStorage },
    });
    return { msal, client };
  })();
  const scopes = [COGNITIVE_SERVICES_SCOPE];

  return {
    async getToken() {
      const { msal, client } = await app;
      const account = client.getAllAccounts()[0];
      if (account) {
        try {
          return (await client.acquireTokenSilent({ scopes, account })).accessToken;
        } catch (error) {
          if (!(error instanceof msal.InteractionRequiredAuthError)) throw error;
        }
      }
      return (await client.acquireTokenPopup({ scopes })).accessToken;
    },
  };
}
