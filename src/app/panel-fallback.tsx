import { Group, Loader, Text } from '@mantine/core';

/** What a lazy panel shows while its code loads: short, and announced politely. */
export function PanelFallback({ what }: { what: string }) {
  return (
    <Group gap="xs" role="status" py="xs">
      <Loader size="xs" aria-hidden />
      <Text size="sm" c="dimmed">
        Loading {what}…
      </Text>
    </Group>
  );
}
