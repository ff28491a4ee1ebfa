import { Accordion, Code } from '@mantine/core';

/** The last job body exactly as received; it never holds the key, which only travels in a header. */
export function RawResponse({ raw }: { raw: unknown }) {
  return (
    <Accordion variant="contained">
      <Accordion.Item value="raw">
        <Accordion.Control>Raw JSON of the last job response</Accordion.Control>
        <Accordion.Panel>
          <Code block style={{ maxHeight: 480, overflow: 'auto' }}>
            {JSON.stringify(raw, null, 2)}
          </Code>
        </Accordion.Panel>
      </Accordion.Item>
    </Accordion>
  );
}
