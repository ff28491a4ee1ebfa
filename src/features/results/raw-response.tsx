import '../../components/data-styles';
import { Accordion, Alert, Code, Stack } from '@mantine/core';
import { memo, useMemo, useState } from 'react';
import { formatCount } from '../../lib/format';
import { printRawJson, RAW_MAX_CHARACTERS, RAW_MAX_DEPTH } from './raw-json';

function RawJsonText({ raw }: { raw: unknown }) {
  const { text, tooDeep, cut } = useMemo(() => printRawJson(raw), [raw]);
  return (
    <Stack gap="xs">
      {tooDeep || cut ? (
        <Alert color="yellow" variant="light" role="status" title="Shown in part">
          {tooDeep
            ? `The response nests deeper than ${RAW_MAX_DEPTH} levels; the deeper values are replaced with a note. `
            : ''}
          {cut ? `Only the first ${formatCount(RAW_MAX_CHARACTERS)} characters are shown.` : ''}
        </Alert>
      ) : null}
      <Code block style={{ maxHeight: 480, overflow: 'auto' }}>
        {text}
      </Code>
    </Stack>
  );
}

/**
 * The last job body as received; it never holds the key, which only travels in a header.
 * Printed only while open, and within depth and size limits: a hostile body can be nested too
 * deep for `JSON.stringify` or run to megabytes.
 */
export const RawResponse = memo(function RawResponse({ raw }: { raw: unknown }) {
  const [open, setOpen] = useState<string | null>(null);
  return (
    <Accordion variant="contained" value={open} onChange={setOpen}>
      <Accordion.Item value="raw">
        <Accordion.Control>Raw JSON of the last job response</Accordion.Control>
        <Accordion.Panel>{open === 'raw' ? <RawJsonText raw={raw} /> : null}</Accordion.Panel>
      </Accordion.Item>
    </Accordion>
  );
});
