import {
  Button,
  Checkbox,
  Group,
  NativeSelect,
  PasswordInput,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { API_VERSIONS, isSeedApi, SEED_API_VERSION, type ApiVersion } from '../../service/model';
import {
  useConnectionActions,
  useConnectionSettings,
  type ConnectionField,
} from './connection-store';
import type { FieldErrors } from './validate-connection';

const VERSION_LABELS: Record<ApiVersion, string> = {
  '2023-04-01': '2023-04-01 (GA, default)',
  '2022-05-01': '2022-05-01 (GA)',
  '2024-11-01': '2024-11-01 (GA)',
  [SEED_API_VERSION]: `${SEED_API_VERSION} (preview, model ID)`,
};

function isApiVersion(value: string): value is ApiVersion {
  return API_VERSIONS.some((version) => version === value);
}

export function ConnectionForm({ errors }: { errors: FieldErrors }) {
  const settings = useConnectionSettings();
  const { setField, setRememberKey, setUseProxy, forgetKey } = useConnectionActions();
  const seed = isSeedApi(settings.apiVersion);
  const text = (field: ConnectionField) => ({
    value: settings[field],
    error: errors[field],
    onChange: (event: React.ChangeEvent<HTMLInputElement>) =>
      setField(field, event.currentTarget.value),
  });

  return (
    <Stack gap="sm">
      <TextInput
        label="Endpoint"
        placeholder="https://<resource>.cognitiveservices.azure.com"
        autoComplete="url"
        spellCheck={false}
        required
        {...text('endpoint')}
      />
      <Checkbox
        label="Use local proxy"
        description="Call the service through this app's own server, for networks or gateways that block cross-origin calls."
        checked={settings.useProxy}
        onChange={(event) => setUseProxy(event.currentTarget.checked)}
      />
      <PasswordInput
        label="Key"
        description="Kept in this tab's memory only, unless you tick Remember key."
        autoComplete="off"
        required
        {...text('key')}
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
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <NativeSelect
          label="API version"
          value={settings.apiVersion}
          onChange={(event) => {
            const value = event.currentTarget.value;
            if (isApiVersion(value)) setField('apiVersion', value);
          }}
          data={API_VERSIONS.map((version) => ({ value: version, label: VERSION_LABELS[version] }))}
        />
        <Stack gap={4}>
          <Text component="span" size="sm" fw={500} id="label-mode-label">
            Classification type
          </Text>
          <SegmentedControl
            aria-labelledby="label-mode-label"
            fullWidth
            value={settings.labelMode}
            onChange={(value) => setField('labelMode', value === 'multi' ? 'multi' : 'single')}
            data={[
              { value: 'single', label: 'Single label' },
              { value: 'multi', label: 'Multi label' },
            ]}
          />
        </Stack>
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <TextInput
          label="Project name"
          description={seed ? 'Needed only to delete the project.' : 'Case-sensitive.'}
          spellCheck={false}
          required={!seed}
          {...text('projectName')}
        />
        {seed ? (
          <TextInput
            label="Model ID"
            description="e.g. …_MultiClassification_latest"
            spellCheck={false}
            required
            {...text('modelId')}
          />
        ) : (
          <TextInput
            label="Deployment name"
            description="Case-sensitive."
            spellCheck={false}
            required
            {...text('deploymentName')}
          />
        )}
        <TextInput
          label="Language"
          description="Optional code sent with every document, e.g. en."
          spellCheck={false}
          {...text('language')}
        />
        <TextInput
          label="Job name"
          description="Optional display name for the job."
          {...text('jobName')}
        />
      </SimpleGrid>
    </Stack>
  );
}
