import '../components/overlay-styles';
import { Button, Group, List, Modal, Stack, Text } from '@mantine/core';

interface ReplaceWithDemoProps {
  /** What of the user's would be replaced, in words. */
  replaced: readonly string[];
  onKeep: () => void;
  onReplace: () => void;
}

/** Asks before the demo replaces what the user entered. */
export function ReplaceWithDemoDialog({ replaced, onKeep, onReplace }: ReplaceWithDemoProps) {
  return (
    <Modal
      opened
      onClose={onKeep}
      title="Replace your settings with the demo?"
      closeButtonProps={{ 'aria-label': 'Close' }}
      centered
    >
      <Stack gap="md">
        <Text size="sm">
          The demo fills in its own service, model and sample documents. This replaces:
        </Text>
        <List size="sm" spacing={4}>
          {replaced.map((value) => (
            <List.Item key={value}>{value}</List.Item>
          ))}
        </List>
        <Text size="sm">They are not kept anywhere else.</Text>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onKeep} data-autofocus>
            Keep my settings
          </Button>
          <Button onClick={onReplace}>Replace with the demo</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
