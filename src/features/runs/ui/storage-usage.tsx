import { Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { formatBytes } from '../../../lib/format';

/** How much of this browser's storage the app uses, as the browser estimates it. */
export function StorageUsage({ revision }: { revision: unknown }) {
  const [estimate, setEstimate] = useState<StorageEstimate>();
  useEffect(() => {
    let current = true;
    // Not every browser has the Storage API (older Safari); then nothing is said.
    if (!('storage' in navigator)) return;
    void navigator.storage.estimate().then((value) => {
      if (current) setEstimate(value);
    });
    return () => {
      current = false;
    };
  }, [revision]);
  if (!estimate?.usage) return null;
  return (
    <Text size="xs" c="dimmed">
      Runs use about {formatBytes(estimate.usage)} of this browser&apos;s storage
      {estimate.quota ? ` (${formatBytes(estimate.quota)} available to this site)` : ''}.
    </Text>
  );
}
