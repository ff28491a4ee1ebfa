import { Button, Group, Text } from '@mantine/core';
import { useClipboard } from '@mantine/hooks';
import { checkEndpoint } from '../../service/endpoint';
import { useConnectionSettings } from './connection-store';
import { shareViewUrl, viewOf } from './share-link';

/** Copies a link to this app with the same connection and model, never the key, token or documents. */
export function ShareViewButton() {
  const settings = useConnectionSettings();
  const clipboard = useClipboard({ timeout: 2500 });
  const valid = checkEndpoint(settings.endpoint).ok;
  let status = '';
  if (clipboard.copied)
    status = 'Copied a link to this view (without your key, token or documents)';
  else if (clipboard.error) status = 'Could not copy: the browser refused access to the clipboard.';
  return (
    <Group gap="xs">
      <Button
        variant="default"
        size="compact-sm"
        disabled={!valid}
        onClick={() => clipboard.copy(shareViewUrl(viewOf(settings), location.href))}
      >
        Share view
      </Button>
      <Text size="xs" c={clipboard.error ? 'red' : 'dimmed'} role="status">
        {status}
      </Text>
    </Group>
  );
}
