import { computeStatistics } from './compute-statistics';
import type { EncodedItems } from './encode-items';
import type { WorkerMessage } from './statistics-client';

// The bootstrap resamples 100,000 documents 1,000 times: here, off the page's thread. The items
// come once; each threshold or comparison after that is a small message.
let items: EncodedItems | undefined;

self.onmessage = (event: MessageEvent<WorkerMessage>) => {
  const message = event.data;
  if (message.kind === 'items') {
    items = message.items;
    return;
  }
  if (!items) return;
  self.postMessage({
    id: message.id,
    statistics: computeStatistics({ ...message.request, items }),
  });
};
