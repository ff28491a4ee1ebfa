import { Button, type ButtonProps } from '@mantine/core';
import type { ComponentPropsWithRef } from 'react';

type TriggerProps = ButtonProps & ComponentPropsWithRef<'button'>;

/*
 * The header's menu buttons. The same button stands in, marked aria-disabled, while its menu's
 * chunk loads after the first paint: it looks the same, and nothing can act on it yet.
 */

/** The colour scheme and Erase all data on this device. */
export function SettingsTrigger(props: TriggerProps) {
  return (
    <Button variant="outline" color="white" size="compact-sm" miw={24} mih={28} {...props}>
      Settings ▾
    </Button>
  );
}

export function MoreDemosTrigger(props: TriggerProps) {
  return (
    <Button
      variant="white"
      style={{
        borderTopLeftRadius: 0,
        borderBottomLeftRadius: 0,
        borderLeft: '1px solid var(--mantine-color-gray-3)',
      }}
      {...props}
    >
      More demos ▾
    </Button>
  );
}

/** What a stand-in trigger says while its menu cannot open yet. */
export const NOT_READY = {
  'aria-disabled': true,
  'aria-haspopup': 'menu',
  'aria-expanded': false,
} as const;
