import '../../components/overlay-styles';
import { Group, Menu, Text } from '@mantine/core';
import { useClipboard } from '@mantine/hooks';
import { useState } from 'react';
import { CopyRequestButton, UnavailableReason, type CopyRequestProps } from './copy-request-button';
import { curlSnippet } from './curl-snippet';
import { fetchSnippet } from './fetch-snippet';
import { pythonSnippet } from './python-snippet';
import { snippetRequest, type SnippetRequest } from './snippet-request';

const FORMATS: { label: string; build: (snippet: SnippetRequest) => string }[] = [
  { label: 'cURL', build: curlSnippet },
  { label: 'fetch (JavaScript)', build: fetchSnippet },
  { label: 'Python (requests)', build: pythonSnippet },
];

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
          <CopyRequestButton disabled={!input} />
        </Menu.Target>
        <Menu.Dropdown>
          {FORMATS.map((format) => (
            <Menu.Item key={format.label} onClick={() => copy(format)}>
              {format.label}
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
      {input ? null : <UnavailableReason reason={unavailableReason} />}
      <Text size="xs" c={clipboard.error ? 'red' : 'dimmed'} role="status">
        {status}
      </Text>
    </Group>
  );
}
