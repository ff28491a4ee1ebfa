import '../components/overlay-styles';
import { Menu, useMantineColorScheme, type MantineColorScheme } from '@mantine/core';
import { useState } from 'react';
import { EraseDataDialog } from './erase-data-dialog';
import { SettingsTrigger } from './menu-triggers';

const CHOICES: { value: MantineColorScheme; label: string }[] = [
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
  { value: 'auto', label: 'Auto (as the system)' },
];

function isColorScheme(value: string): value is MantineColorScheme {
  return CHOICES.some((choice) => choice.value === value);
}

/**
 * What belongs to this device rather than to a run: the colour scheme (light, dark or the
 * system's; Mantine's manager remembers it) and Erase all data on this device.
 */
export function SettingsMenu() {
  const { colorScheme, setColorScheme } = useMantineColorScheme();
  const [erasing, setErasing] = useState(false);
  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <SettingsTrigger />
        </Menu.Target>
        <Menu.Dropdown aria-label="Settings">
          <Menu.Label>Color scheme</Menu.Label>
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
          <Menu.Divider />
          <Menu.Label>This device</Menu.Label>
          <Menu.Item color="red" onClick={() => setErasing(true)}>
            Erase all data on this device
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      {erasing ? <EraseDataDialog onKeep={() => setErasing(false)} /> : null}
    </>
  );
}
