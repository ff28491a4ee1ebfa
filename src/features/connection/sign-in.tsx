import '../../components/data-styles';
import { Accordion, Button, Group, SimpleGrid, Text, TextInput } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { readTokenClaims } from '../../service/token-claims';
import { useConnectionActions, useConnectionField } from './connection-store';
import { createMsalTokenProvider } from './msal-token-provider';
import { renewalDelay, signInConfig, type TokenProvider } from './token-provider';

const built = (value: unknown) => (typeof value === 'string' && value ? value : undefined);
/** Sign-in settings given at build time; the ones typed in the UI win. */
const BUILT_CONFIG = {
  tenantId: built(import.meta.env.VITE_MSAL_TENANT_ID),
  clientId: built(import.meta.env.VITE_MSAL_CLIENT_ID),
};

/** The Tenant and Client ID fields, kept on this device (neither is a secret). */
export function SignInSettings() {
  const tenantId = useConnectionField('tenantId');
  const clientId = useConnectionField('clientId');
  const { setField } = useConnectionActions();
  return (
    <Accordion variant="contained" chevronPosition="left">
      <Accordion.Item value="sign-in">
        <Accordion.Control>Sign-in settings</Accordion.Control>
        <Accordion.Panel>
          <Text size="xs" c="dimmed" mb="xs">
            To offer Sign in with Microsoft, register a single-page app in Microsoft Entra ID with
            this page’s address as a redirect URI, and enter its directory and client ID.
          </Text>
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <TextInput
              label="Tenant"
              description="Directory (tenant) ID or domain."
              spellCheck={false}
              placeholder={BUILT_CONFIG.tenantId ?? 'contoso.onmicrosoft.com'}
              value={tenantId}
              onChange={(event) => setField('tenantId', event.currentTarget.value)}
            />
            <TextInput
              label="Client ID"
              description="Application (client) ID of the app registration."
              spellCheck={false}
              placeholder={BUILT_CONFIG.clientId ?? '00000000-0000-0000-0000-000000000000'}
              value={clientId}
              onChange={(event) => setField('clientId', event.currentTarget.value)}
            />
          </SimpleGrid>
        </Accordion.Panel>
      </Accordion.Item>
    </Accordion>
  );
}

/** The MSAL provider for the configured tenant and client, or undefined when none is configured. */
export function useConfiguredTokenProvider(): TokenProvider | undefined {
  const tenantId = useConnectionField('tenantId');
  const clientId = useConnectionField('clientId');
  const config = signInConfig({ tenantId, clientId }, BUILT_CONFIG);
  const configTenant = config?.tenantId;
  const configClient = config?.clientId;
  return useMemo(
    () =>
      configTenant && configClient
        ? createMsalTokenProvider({ tenantId: configTenant, clientId: configClient })
        : undefined,
    [configTenant, configClient],
  );
}

/**
 * Sign in with Microsoft: the provider's token goes into the Access token field, and is renewed
 * silently shortly before it expires, for as long as this stays mounted.
 */
export function SignInWithMicrosoft({ provider }: { provider: TokenProvider }) {
  const { setField } = useConnectionActions();
  const token = useConnectionField('token');
  const [signedIn, setSignedIn] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string>();

  const fetchToken = async () => {
    setPending(true);
    setError(undefined);
    try {
      setField('token', await provider.getToken());
      setSignedIn(true);
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : 'Sign-in did not finish.');
    } finally {
      setPending(false);
    }
  };

  const reading = readTokenClaims(token);
  const expiresAt = reading.ok ? reading.claims.expiresAt?.getTime() : undefined;
  useEffect(() => {
    if (!signedIn || expiresAt === undefined) return;
    const delay = renewalDelay(new Date(expiresAt), Date.now());
    if (delay === undefined) return;
    const timer = setTimeout(() => {
      provider.getToken().then(
        (renewed) => setField('token', renewed),
        () => setError('The token could not be renewed silently: sign in again.'),
      );
    }, delay);
    return () => clearTimeout(timer);
  }, [signedIn, expiresAt, provider, setField]);

  return (
    <Group gap="xs" align="center">
      <Button
        variant="default"
        size="compact-sm"
        loading={pending}
        onClick={() => void fetchToken()}
      >
        Sign in with Microsoft
      </Button>
      {error ? (
        <Text size="xs" c="red" role="alert">
          {error}
        </Text>
      ) : null}
    </Group>
  );
}
