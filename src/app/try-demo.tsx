import { Button, Group } from '@mantine/core';
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
import {
  DEFAULT_DEMO,
  demoDocuments,
  demoSettings,
  demoToken,
  labelledSample,
  startDemo,
  type DemoChoice,
} from './demo';
import { requestDemoRun } from './demo-run-request';
import { MoreDemos, ReplaceWithDemo } from './header-menus';

type DemoField = 'endpoint' | 'key' | 'projectName' | 'deploymentName' | 'modelId';

const DEMO_VALUES: Record<DemoField, readonly string[]> = {
  endpoint: [DEMO_ENDPOINT],
  key: [DEMO_KEY],
  projectName: Object.values(DEMO_PROJECTS).map((project) => project.projectName),
  deploymentName: Object.values(DEMO_PROJECTS).map((project) => project.deploymentName),
  modelId: Object.values(DEMO_PROJECTS).map((project) => project.modelId),
};

const DEMO_DRAFTS: readonly string[] = [demoDocuments('single'), demoDocuments('multi')];

interface DocumentsInUse {
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
    const sample = choice.sample === 'labelled' ? await labelledSample() : undefined;
    if (sample) {
      setImported(sample);
    } else {
      // The demo's documents are text: an imported set in use would otherwise be sent instead.
      const { imported, refused } = readDocuments();
      if (imported || refused) switchToTextBox();
      setDraft(demoDocuments(choice.labelMode));
    }
    const demo = await startDemo();
    demo.reset();
    // After the reset: the run is the demo service's first job.
    if (sample && choice.then === 'improve') requestDemoRun(sample.sourceName);
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
      <MoreDemos onChoose={choose} />
      {pending ? (
        <ReplaceWithDemo
          replaced={pending.replaced}
          onKeep={() => setPending(undefined)}
          onReplace={() => {
            void start(pending.choice);
            setPending(undefined);
          }}
        />
      ) : null}
    </Group>
  );
}
