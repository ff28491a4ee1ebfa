import '../components/overlay-styles';
import { Alert, Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';

const ERASED = [
  'every run: its documents, jobs, results and corrections',
  'the documents in the text box and any imported file',
  'the connection settings and the remembered key',
  'what was read from your resources (projects, deployments)',
  'the demo’s jobs, and the colour scheme',
];

/** Asks before Erase all data on this device, then erases and reloads as a first visit. */
export function EraseDataDialog({ onKeep }: { onKeep: () => void }) {
  const queryClient = useQueryClient();
  const erase = useMutation({
    // Loaded only now: the erase reaches every feature's storage.
    mutationFn: async () => {
      const { eraseAllData } = await import('./erase-device');
      await eraseAllData(queryClient);
    },
    onSuccess: () => location.reload(),
  });
  return (
    <Modal
      opened
      onClose={onKeep}
      title="Erase all data on this device?"
      closeButtonProps={{ 'aria-label': 'Close' }}
      centered
    >
      <Stack gap="md">
        <Text size="sm">This removes from this browser, in every tab of Classify Console:</Text>
        <List size="sm" spacing={4}>
          {ERASED.map((item) => (
            <List.Item key={item}>{item}</List.Item>
          ))}
        </List>
        <Text size="sm">
          Nothing is deleted on the service. Runs still going stop. It cannot be undone; the page
          then opens as on a first visit.
        </Text>
        {erase.error ? (
          <Alert color="red" variant="light" role="alert" title="Not everything could be erased">
            {erase.error.message} Close other tabs of Classify Console and try again.
          </Alert>
        ) : null}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onKeep} data-autofocus disabled={erase.isPending}>
            Keep my data
          </Button>
          <Button color="red" loading={erase.isPending} onClick={() => erase.mutate()}>
            Erase everything
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
