import '../components/overlay-styles';
import { Menu, useMantineColorScheme, type MantineColorScheme } from '@mantine/core';
import { ColorSchemeTrigger } from './menu-triggers';

const CHOICES: { value: MantineColorScheme; label: string }[] = [
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
  { value: 'auto', label: 'Auto (as the system)' },
];

function isColorScheme(value: string): value is MantineColorScheme {
  return CHOICES.some((choice) => choice.value === value);
}

/** Light, dark or the system's scheme; Mantine's manager remembers the choice on this device. */
export function ColorSchemeMenu() {
  const { colorScheme, setColorScheme } = useMantineColorScheme();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ColorSchemeTrigger />
      </Menu.Target>
      <Menu.Dropdown aria-label="Color scheme">
        <Menu.RadioGroup
          value={colorScheme}
          onChange={(value) => {
            if (isColorScheme(value)) setColorScheme(value);
          }}
        >
          {CHOICES.map(({ value, label }) => (
            <Menu.RadioItem key={value} value={value} closeMenuOnClick>
              {label}
            </Menu.RadioItem>
          ))}
        </Menu.RadioGroup>
      </Menu.Dropdown>
    </Menu>
  );
}
