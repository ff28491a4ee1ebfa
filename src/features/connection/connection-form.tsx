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
import { API_PROFILES, isApiVersion, profileOf, type ModelField } from '../../service/api-profiles';
import {
  useConnectionActions,
  useConnectionSettings,
  type ConnectionField,
} from './connection-store';
import type { FieldErrors } from './validate-connection';

const VERSION_OPTIONS = API_PROFILES.map(({ version, label }) => ({ value: version, label }));

/** How each model field reads; which of them are shown, and required, is the API profile's. */
const MODEL_FIELDS: Record<
  ModelField,
  { label: string; description: (required: boolean) => string }
> = {
  projectName: {
    label: 'Project name',
    description: (required) =>
      required ? 'Case-sensitive.' : 'Needed only to delete the project.',
  },
  deploymentName: { label: 'Deployment name', description: () => 'Case-sensitive.' },
  modelId: { label: 'Model ID', description: () => 'e.g. …_MultiClassification_latest' },
};

export function ConnectionForm({ errors }: { errors: FieldErrors }) {
  const settings = useConnectionSettings();
  const { setField, setRememberKey, setUseProxy, forgetKey } = useConnectionActions();
  const { model } = profileOf(settings.apiVersion);
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
          data={VERSION_OPTIONS}
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
        {model.fields.map(({ name, required }) => (
          <TextInput
            key={name}
            label={MODEL_FIELDS[name].label}
            description={MODEL_FIELDS[name].description(required)}
            spellCheck={false}
            required={required}
            {...text(name)}
          />
        ))}
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
