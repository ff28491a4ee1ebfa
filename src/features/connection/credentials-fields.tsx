import { Button, Checkbox, Group, PasswordInput, Stack, Text } from '@mantine/core';
import type { AuthScheme } from '../../service/model';
import { useConnectionActions, useConnectionSettings } from './connection-store';
import { deferred } from '../../components/deferred';
import { SegmentedChoice } from '../../components/segmented-choice';
import type { TokenProvider } from './token-provider';
import type { FieldErrors } from './validate-connection';

const AUTH_METHODS: readonly { value: AuthScheme; label: string }[] = [
  { value: 'key', label: 'Key' },
  { value: 'bearer', label: 'Access token' },
];

interface CredentialsFieldsProps {
  errors: FieldErrors;
  /** Overrides the configured Sign in with Microsoft (tests pass a fake). */
  tokenProvider?: TokenProvider | undefined;
}

// What the token's claims say, Sign in with Microsoft and its settings: only for tokens, so only
// loaded when the Access token field is shown.
const TokenExtras = deferred(() => import('./token-extras').then(({ TokenExtras }) => TokenExtras));

/** Key or Access token: the choice, and the field of the chosen one. */
export function CredentialsFields({ errors, tokenProvider }: CredentialsFieldsProps) {
  const settings = useConnectionSettings();
  const { setField, setRememberKey, setAuthMethod, forgetKey } = useConnectionActions();

  return (
    <Stack gap="sm">
      <Stack gap={4}>
        <Text component="span" size="sm" fw={500} id="auth-method-label">
          Sign in with
        </Text>
        <SegmentedChoice
          labelledBy="auth-method-label"
          value={settings.authMethod}
          onChange={setAuthMethod}
          data={AUTH_METHODS}
        />
      </Stack>
      {settings.authMethod === 'key' ? (
        <>
          <PasswordInput
            label="Key"
            description="Kept in this tab's memory only, unless you tick Remember key."
            autoComplete="off"
            required
            value={settings.key}
            error={errors.key}
            onChange={(event) => setField('key', event.currentTarget.value)}
          />
          <Group justify="space-between" gap="xs">
            <Checkbox
              label="Remember key on this device"
              checked={settings.rememberKey}
              onChange={(event) => setRememberKey(event.currentTarget.checked)}
            />
            <Button variant="subtle" size="compact-sm" onClick={forgetKey} disabled={!settings.key}>
              Forget key
            </Button>
          </Group>
        </>
      ) : (
        <>
          <PasswordInput
            label="Access token"
            description={
              <>
                A Microsoft Entra token, e.g. from{' '}
                <code>
                  az account get-access-token --resource https://cognitiveservices.azure.com
                </code>
                . Kept in this tab’s memory only, never stored. Needs a custom-subdomain endpoint.
              </>
            }
            autoComplete="off"
            required
            value={settings.token}
            error={errors.token}
            onChange={(event) => setField('token', event.currentTarget.value)}
          />
          <TokenExtras tokenProvider={tokenProvider} />
        </>
      )}
    </Stack>
  );
}
