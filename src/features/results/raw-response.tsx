import { Accordion, Code } from '@mantine/core';
import { memo, useState } from 'react';

/**
 * The last job body exactly as received; it never holds the key, which only travels in a header.
 * Printed only while open: with thousands of results it runs to megabytes.
 */
export const RawResponse = memo(function RawResponse({ raw }: { raw: unknown }) {
  const [open, setOpen] = useState<string | null>(null);
  return (
    <Accordion variant="contained" value={open} onChange={setOpen}>
      <Accordion.Item value="raw">
        <Accordion.Control>Raw JSON of the last job response</Accordion.Control>
        <Accordion.Panel>
          {open === 'raw' ? (
            <Code block style={{ maxHeight: 480, overflow: 'auto' }}>
              {JSON.stringify(raw, null, 2)}
            </Code>
          ) : null}
        </Accordion.Panel>
      </Accordion.Item>
    </Accordion>
  );
});
