import { Button, Group, List, Menu, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { DEMO_ENDPOINT, DEMO_KEY, DEMO_PROJECTS } from '../demo/demo-settings';
import {
  readConnectionSettings,
  useConnectionActions,
  type ConnectionSettings,
} from '../features/connection/connection-store';
import { documentsWord } from '../features/documents/batch-check';
import {
  readDocuments,
  useDocumentsActions,
  type ImportedSet,
} from '../features/documents/documents-store';
import { splitDocuments } from '../features/documents/paragraphs';
import { DEFAULT_API_VERSION, PREVIEW_API_VERSION } from '../service/api-profiles';
import {
  DEFAULT_DEMO,
  demoDocuments,
  demoSettings,
  demoToken,
  labelledSample,
  startDemo,
  type DemoChoice,
} from './demo';

const CHOICES: { label: string; choice: DemoChoice }[] = [
  { label: 'Single label, GA API (support tickets)', choice: DEFAULT_DEMO },
  {
    label: 'Multi label, GA API (movie genres)',
    choice: { labelMode: 'multi', apiVersion: DEFAULT_API_VERSION },
  },
  {
    label: 'Single label, preview API (model ID)',
    choice: { labelMode: 'single', apiVersion: PREVIEW_API_VERSION },
  },
  {
    label: 'Multi label, preview API (model ID)',
    choice: { labelMode: 'multi', apiVersion: PREVIEW_API_VERSION },
  },
  {
    label: 'Labelled support tickets (evaluation)',
    choice: { ...DEFAULT_DEMO, sample: 'labelled' },
  },
  {
    label: 'Single label, signed in with an access token',
    choice: { ...DEFAULT_DEMO, auth: 'token' },
  },
];

type DemoField = 'endpoint' | 'key' | 'projectName' | 'deploymentName' | 'modelId';

const DEMO_VALUES: Record<DemoField, readonly string[]> = {
  endpoint: [DEMO_ENDPOINT],
  key: [DEMO_KEY],
  projectName: Object.values(DEMO_PROJECTS).map((project) => project.projectName),
  deploymentName: Object.values(DEMO_PROJECTS).map((project) => project.deploymentName),
  modelId: Object.values(DEMO_PROJECTS).map((project) => project.modelId),
};

const DEMO_DRAFTS: readonly string[] = [demoDocuments('single'), demoDocuments('multi')];

export interface DocumentsInUse {
  draft: string;
  imported: ImportedSet | undefined;
  sourceName: string | undefined;
}

/**
 * What the demo would replace that the user entered: values that are neither empty nor the demo's
 * own, in words (the key is never shown). Empty when nothing of theirs would be lost.
 */
export function ownValues(settings: ConnectionSettings, documents: DocumentsInUse): string[] {
  const own = (field: DemoField) => {
    const value = settings[field].trim();
    return value !== '' && !DEMO_VALUES[field].includes(value) ? value : undefined;
  };
  const found: string[] = [];
  const endpoint = own('endpoint');
  if (endpoint) found.push(`the endpoint ${endpoint}`);
  if (own('key')) found.push('your key');
  const project = own('projectName');
  if (project) found.push(`the project ${project}`);
  const deployment = own('deploymentName');
  if (deployment) found.push(`the deployment ${deployment}`);
  const modelId = own('modelId');
  if (modelId) found.push(`the model ID ${modelId}`);
  if (documents.imported) {
    found.push(`the documents from ${documents.sourceName ?? documents.imported.sourceName}`);
  } else if (documents.draft.trim() !== '' && !DEMO_DRAFTS.includes(documents.draft)) {
    const count = splitDocuments(documents.draft).length;
    found.push(`the ${documentsWord(count)} in the text box`);
  }
  return found;
}

interface PendingDemo {
  choice: DemoChoice;
  replaced: string[];
}

/**
 * Fills the form with the simulated service and sample documents, so Submit job works at once;
 * when the form holds the user's own values, it asks first.
 */
export function TryDemo() {
  const { replaceSettings } = useConnectionActions();
  const { setDraft, setImported, switchToTextBox } = useDocumentsActions();
  const [pending, setPending] = useState<PendingDemo>();

  const start = async (choice: DemoChoice) => {
    replaceSettings(demoSettings(choice));
    if (choice.auth === 'token') {
      replaceSettings({ authMethod: 'bearer', key: '', token: await demoToken() });
    }
    if (choice.sample === 'labelled') {
      setImported(await labelledSample());
    } else {
      // The demo's documents are text: an imported set in use would otherwise be sent instead.
      if (readDocuments().imported) switchToTextBox();
      setDraft(demoDocuments(choice.labelMode));
    }
    const demo = await startDemo();
    demo.reset();
  };

  const choose = (choice: DemoChoice) => {
    const replaced = ownValues(readConnectionSettings(), readDocuments());
    if (replaced.length > 0) setPending({ choice, replaced });
    else void start(choice);
  };

  return (
    <Group gap={0} wrap="nowrap">
      <Button
        variant="white"
        onClick={() => choose(DEFAULT_DEMO)}
        style={{ borderTopRightRadius: 0, borderBottomRightRadius: 0 }}
      >
        Try the demo
      </Button>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button
            variant="white"
            style={{
              borderTopLeftRadius: 0,
              borderBottomLeftRadius: 0,
              borderLeft: '1px solid var(--mantine-color-gray-3)',
            }}
          >
            More demos ▾
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {CHOICES.map(({ label, choice }) => (
            <Menu.Item key={label} onClick={() => choose(choice)}>
              {label}
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
      <Modal
        opened={pending !== undefined}
        onClose={() => setPending(undefined)}
        title="Replace your settings with the demo?"
        closeButtonProps={{ 'aria-label': 'Close' }}
        centered
      >
        <Stack gap="md">
          <Text size="sm">
            The demo fills in its own service, model and sample documents. This replaces:
          </Text>
          <List size="sm" spacing={4}>
            {pending?.replaced.map((value) => (
              <List.Item key={value}>{value}</List.Item>
            ))}
          </List>
          <Text size="sm">They are not kept anywhere else.</Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setPending(undefined)} data-autofocus>
              Keep my settings
            </Button>
            <Button
              onClick={() => {
                if (pending) void start(pending.choice);
                setPending(undefined);
              }}
            >
              Replace with the demo
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Group>
  );
}
