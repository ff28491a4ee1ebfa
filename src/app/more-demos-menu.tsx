import '../components/overlay-styles';
import { Menu } from '@mantine/core';
import { DEFAULT_API_VERSION, PREVIEW_API_VERSION } from '../service/api-profiles';
import { DEFAULT_DEMO, type DemoChoice } from './demo';
import { MoreDemosTrigger } from './menu-triggers';

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
    label: 'Improve the support tickets model',
    choice: { ...DEFAULT_DEMO, sample: 'labelled', then: 'improve' },
  },
  {
    label: 'Single label, signed in with an access token',
    choice: { ...DEFAULT_DEMO, auth: 'token' },
  },
];
/** The other demos: each fills the form as Try the demo does, with another model or sample. */
export function MoreDemosMenu({ onChoose }: { onChoose: (choice: DemoChoice) => void }) {
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <MoreDemosTrigger />
      </Menu.Target>
      <Menu.Dropdown>
        {CHOICES.map(({ label, choice }) => (
          <Menu.Item key={label} onClick={() => onChoose(choice)}>
            {label}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
