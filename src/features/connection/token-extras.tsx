import { Button, Group } from '@mantine/core';
import { useConnectionActions, useConnectionField } from './connection-store';
import { SignInSettings, SignInWithMicrosoft, useConfiguredTokenProvider } from './sign-in';
import { TokenFactsView } from './token-facts-view';
import type { TokenProvider } from './token-provider';

/** Under the Access token field: what the token says, Sign in with Microsoft, Forget token. */
export function TokenExtras({ tokenProvider }: { tokenProvider?: TokenProvider | undefined }) {
  const token = useConnectionField('token');
  const { forgetToken } = useConnectionActions();
  const configured = useConfiguredTokenProvider();
  const provider = tokenProvider ?? configured;
  return (
    <>
      <TokenFactsView token={token} />
      <Group justify="space-between" gap="xs">
        {provider ? <SignInWithMicrosoft provider={provider} /> : <span />}
        <Button variant="subtle" size="compact-sm" onClick={forgetToken} disabled={!token}>
          Forget token
        </Button>
      </Group>
      <SignInSettings />
    </>
  );
}
