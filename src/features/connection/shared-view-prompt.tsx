import '../../components/overlay-styles';
import { Alert, Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { DEMO_ENDPOINT, DEMO_KEY } from '../../demo/demo-settings';
import { modelNameOf } from '../../service/api-profiles';
import { applyConnectionSettings, readConnectionSettings } from './connection-store';
import { AZURE_AI_HOST_PATTERNS } from '../../service/endpoint';
import {
  appliesUnasked,
  isForeignEndpoint,
  readViewFragment,
  sameView,
  settingsForView,
  viewOf,
  type SharedView,
  type ViewReading,
} from './shared-view';

const DEMO = { endpoint: DEMO_ENDPOINT, key: DEMO_KEY };

/** Takes the view out of the address bar, so a reload or a copied address does not carry it again. */
function clearFragment(): void {
  history.replaceState(history.state, '', `${location.pathname}${location.search}`);
}

/**
 * Applies a view now when nothing of the user's would be lost and the endpoint stays; otherwise it
 * waits for an answer.
 */
function handle(reading: ViewReading, onApplied: (view: SharedView) => void): ViewReading {
  if (reading.kind === 'none') return reading;
  clearFragment();
  if (reading.kind === 'invalid') return reading;
  const current = readConnectionSettings();
  if (sameView(viewOf(current), reading.view)) return { kind: 'none' };
  if (appliesUnasked(reading.view, current, DEMO_ENDPOINT)) {
    applyConnectionSettings(settingsForView(reading.view, current, DEMO));
    onApplied(reading.view);
    return { kind: 'none' };
  }
  return reading;
}

interface SharedViewPromptProps {
  /** Called once a view was applied, e.g. to start the demo service when the view is on it. */
  onApplied?: (view: SharedView) => void;
}

/**
 * Opens a shared link's view (`#view=…`) on load and when the fragment changes: at once when the
 * form is empty or on the demo and the endpoint stays, after asking otherwise (always when the link
 * names another endpoint). Mount once, in the app shell.
 */
export function SharedViewPrompt({ onApplied = () => undefined }: SharedViewPromptProps) {
  const [reading, setReading] = useState<ViewReading>({ kind: 'none' });
  useEffect(() => {
    // A fragment without a view leaves an open question open (some environments report
    // replaceState as a hash change).
    const read = () => {
      const next = handle(readViewFragment(location.hash), onApplied);
      if (next.kind !== 'none') setReading(next);
    };
    read();
    window.addEventListener('hashchange', read);
    return () => window.removeEventListener('hashchange', read);
    // Read once on mount; a new callback does not mean a new link.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const close = () => setReading({ kind: 'none' });

  if (reading.kind === 'invalid') {
    return (
      <Modal opened onClose={close} title="The shared view could not be opened">
        <Stack gap="sm">
          <Text size="sm">{reading.reason} Your settings were not changed.</Text>
          <Group justify="flex-end">
            <Button onClick={close}>Keep my settings</Button>
          </Group>
        </Stack>
      </Modal>
    );
  }
  if (reading.kind !== 'view') return null;
  const { view } = reading;
  const keepsSecret = viewOf(readConnectionSettings()).endpoint === view.endpoint;
  const open = () => {
    applyConnectionSettings(settingsForView(view, readConnectionSettings(), DEMO));
    onApplied(view);
    close();
  };
  const model = modelNameOf(view);
  const host = new URL(view.endpoint).host;
  const foreign = isForeignEndpoint(view.endpoint, DEMO_ENDPOINT);
  return (
    <Modal opened onClose={close} title="Open the shared view?">
      <Stack gap="sm">
        <Text size="sm">It replaces your connection settings with the link’s. Its endpoint:</Text>
        {/* The whole address, wrapped rather than cut, so a tail such as ".evil.example" shows. */}
        <Text
          size="sm"
          ff="monospace"
          fw={600}
          style={{ overflowWrap: 'anywhere', whiteSpace: 'normal' }}
        >
          {view.endpoint}
        </Text>
        {foreign ? (
          <Alert
            color="orange"
            variant="light"
            title="Not an Azure AI host"
            role="alert"
            style={{ overflowWrap: 'anywhere' }}
          >
            {host} is not an Azure AI Language host ({AZURE_AI_HOST_PATTERNS.join(' or ')}). Open it
            only if you trust whoever sent the link: the key or token you enter next is sent there,
            and so is every request Copy request makes.
          </Alert>
        ) : null}
        <List size="sm">
          <List.Item>API version: {view.apiVersion}</List.Item>
          <List.Item>Type: {view.labelMode === 'multi' ? 'Multi label' : 'Single label'}</List.Item>
          {model.replace(/[ /]/g, '') ? <List.Item>Model: {model}</List.Item> : null}
          {view.language ? <List.Item>Language: {view.language}</List.Item> : null}
        </List>
        <Text size="sm">
          {keepsSecret
            ? 'Your key or token is kept: the endpoint is the same.'
            : 'Your key and token are cleared, so they are never sent to an endpoint a link chose.'}{' '}
          Your documents are not touched.
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            Keep my settings
          </Button>
          <Button onClick={open}>Open shared view</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
