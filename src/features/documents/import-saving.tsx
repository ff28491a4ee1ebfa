import { Text } from '@mantine/core';
import { useEffect } from 'react';
import { useImportSaving } from './documents-store';

/** While `active`, leaving or reloading the page asks first (the browser's own dialog). */
export function useWarnBeforeUnload(active: boolean): void {
  useEffect(() => {
    if (!active) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [active]);
}

/**
 * "Saving…" while an imported set is written to this browser (a 200,000-record file takes
 * half a minute), and a warning before a reload or close would drop it. The live region is
 * always there, so the words are announced when they appear.
 */
export function ImportSaving() {
  const saving = useImportSaving();
  useWarnBeforeUnload(saving);
  return (
    <Text size="sm" c="dimmed" role="status" aria-live="polite">
      {saving ? 'Saving… the imported documents are being stored in this browser.' : null}
    </Text>
  );
}
