import { Button, Group, Menu, Text } from '@mantine/core';
import { useClipboard } from '@mantine/hooks';
import { useState } from 'react';
import type { JobInput } from '../../service/model';
import { curlSnippet } from './curl-snippet';
import { fetchSnippet } from './fetch-snippet';
import { pythonSnippet } from './python-snippet';
import { snippetRequest, type SnippetAuth, type SnippetRequest } from './snippet-request';

const FORMATS: { label: string; build: (snippet: SnippetRequest) => string }[] = [
  { label: 'cURL', build: curlSnippet },
  { label: 'fetch (JavaScript)', build: fetchSnippet },
  { label: 'Python (requests)', build: pythonSnippet },
];

export interface CopyRequestProps {
  /**
   * The job as the app would send it, on the resource's own endpoint (not the local proxy's), with
   * all the documents; undefined while the settings or documents are not valid.
   */
  input: JobInput | undefined;
  /** Which environment variable the snippet reads: LANGUAGE_KEY or LANGUAGE_TOKEN. */
  auth: SnippetAuth;
  /** Why there is nothing to copy yet, shown beside the disabled button. */
  unavailableReason?: string | undefined;
}

/** Copies a script that sends the current job and waits for it; the secret stays in the environment. */
export function CopyRequest({ input, auth, unavailableReason }: CopyRequestProps) {
  const clipboard = useClipboard({ timeout: 2500 });
  const [copiedFormat, setCopiedFormat] = useState<string>();
  const copy = (format: (typeof FORMATS)[number]) => {
    if (!input) return;
    setCopiedFormat(format.label);
    clipboard.copy(format.build(snippetRequest(input, auth)));
  };
  let status = '';
  if (clipboard.copied) status = `Copied the ${copiedFormat ?? ''} snippet`;
  else if (clipboard.error) status = 'Could not copy: the browser refused access to the clipboard.';

  return (
    <Group gap="xs">
      <Menu position="bottom-start" withinPortal hideDetached={false}>
        <Menu.Target>
          <Button variant="default" size="compact-sm" disabled={!input}>
            Copy request
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {FORMATS.map((format) => (
            <Menu.Item key={format.label} onClick={() => copy(format)}>
              {format.label}
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
      {!input && unavailableReason ? (
        <Text size="xs" c="dimmed">
          {unavailableReason}
        </Text>
      ) : null}
      <Text size="xs" c={clipboard.error ? 'red' : 'dimmed'} role="status">
        {status}
      </Text>
    </Group>
  );
}
