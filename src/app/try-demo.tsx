import { Button, Group, Menu } from '@mantine/core';
import { useConnectionActions } from '../features/connection/connection-store';
import { useDocumentsActions } from '../features/documents/documents-store';
import { DEFAULT_API_VERSION, PREVIEW_API_VERSION } from '../service/api-profiles';
import { DEFAULT_DEMO, demoDocuments, demoSettings, startDemo, type DemoChoice } from './demo';

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
];

/** Fills the form with the simulated service and sample documents, so Submit job works at once. */
export function TryDemo() {
  const { replaceSettings } = useConnectionActions();
  const { setDraft } = useDocumentsActions();

  const start = async (choice: DemoChoice) => {
    replaceSettings(demoSettings(choice));
    setDraft(demoDocuments(choice.labelMode));
    const demo = await startDemo();
    demo.reset();
  };

  return (
    <Group gap={0} wrap="nowrap">
      <Button
        variant="white"
        onClick={() => void start(DEFAULT_DEMO)}
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
            <Menu.Item key={label} onClick={() => void start(choice)}>
              {label}
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
    </Group>
  );
}
