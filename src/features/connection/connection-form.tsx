import { Checkbox, NativeSelect, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { Fragment, type ReactNode } from 'react';
import { SegmentedChoice } from '../../components/segmented-choice';
import { API_PROFILES, isApiVersion, profileOf, type ModelField } from '../../service/api-profiles';
import type { LabelMode } from '../../service/model';
import {
  useConnectionActions,
  useConnectionSettings,
  type ConnectionField,
} from './connection-store';
import { CredentialsFields } from './credentials-fields';
import type { TokenProvider } from './token-provider';
import type { FieldErrors } from './validate-connection';

const LABEL_MODES: readonly { value: LabelMode; label: string }[] = [
  { value: 'single', label: 'Single label' },
  { value: 'multi', label: 'Multi label' },
];

/** Stable versions, then previews (which a resource may not offer): `<optgroup>`s in the select. */
const VERSION_GROUPS = [
  { group: 'Generally available', stability: 'stable' },
  { group: 'Preview', stability: 'preview' },
] as const;

const VERSION_OPTIONS = VERSION_GROUPS.map(({ group, stability }) => ({
  group,
  items: API_PROFILES.filter((profile) => profile.stability === stability).map(
    ({ version, label }) => ({ value: version, label }),
  ),
}));

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

/** What the form gives a model-name field; the resource pickers add what the resource has. */
interface NameFieldInput {
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
  required: boolean;
  description: string;
}

/** Project and deployment fields that suggest the resource's names (composed in app/). */
interface NamePickers {
  /** How the suggestions stand, with Refresh: above the name fields. */
  status: ReactNode;
  project: (field: NameFieldInput & { onKind: (labelMode: LabelMode) => void }) => ReactNode;
  deployment: (field: NameFieldInput & { projectName: string }) => ReactNode;
}

interface ConnectionFormProps {
  errors: FieldErrors;
  /** Overrides the configured Sign in with Microsoft (tests pass a fake). */
  tokenProvider?: TokenProvider | undefined;
  /** Without them the names are plain text fields. */
  pickers?: NamePickers | undefined;
}

export function ConnectionForm({ errors, tokenProvider, pickers }: ConnectionFormProps) {
  const settings = useConnectionSettings();
  const { setField, setUseProxy } = useConnectionActions();
  const profile = profileOf(settings.apiVersion);
  const { model } = profile;
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
      <CredentialsFields errors={errors} tokenProvider={tokenProvider} />
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <NativeSelect
          label="API version"
          description={profile.adds}
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
          <SegmentedChoice
            labelledBy="label-mode-label"
            fullWidth
            value={settings.labelMode}
            onChange={(labelMode) => setField('labelMode', labelMode)}
            data={LABEL_MODES}
          />
        </Stack>
      </SimpleGrid>
      {pickers?.status}
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        {model.fields.map(({ name, required }) => {
          const shared: NameFieldInput = {
            value: settings[name],
            onChange: (value: string) => setField(name, value),
            error: errors[name],
            required,
            description: MODEL_FIELDS[name].description(required),
          };
          if (pickers && name === 'projectName') {
            const onKind = (labelMode: LabelMode) => setField('labelMode', labelMode);
            return <Fragment key={name}>{pickers.project({ ...shared, onKind })}</Fragment>;
          }
          if (pickers && name === 'deploymentName') {
            const { projectName } = settings;
            return <Fragment key={name}>{pickers.deployment({ ...shared, projectName })}</Fragment>;
          }
          return (
            <TextInput
              key={name}
              label={MODEL_FIELDS[name].label}
              description={shared.description}
              spellCheck={false}
              required={required}
              {...text(name)}
            />
          );
        })}
        <TextInput
          label="Language"
          description={
            profile.features.defaultLanguage
              ? 'The service detects each document’s language; this code (e.g. en) is its default.'
              : 'Optional code sent with every document, e.g. en.'
          }
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
