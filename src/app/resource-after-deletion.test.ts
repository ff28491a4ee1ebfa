import { describe, expect, it } from 'vitest';
import { resourceKeys } from '../features/resource/resource-keys';
import { createQueryClient } from './query-client';
import { forgetResourceReads } from './resource-after-deletion';

const ours = 'https://ours.cognitiveservices.azure.com';
const other = 'https://other.cognitiveservices.azure.com';

describe('forgetResourceReads', () => {
  it("marks every read of the deletion's resource stale, and no other resource's", async () => {
    const client = createQueryClient();
    const keys = {
      projects: resourceKeys.projects([ours, 1]),
      otherKey: resourceKeys.projects([ours, 2]),
      deployments: resourceKeys.deployments([ours, 1], 'SupportTickets'),
      elsewhere: resourceKeys.projects([other, 1]),
    };
    for (const key of Object.values(keys)) client.setQueryData(key, ['SupportTickets']);
    const stale = (key: readonly unknown[]) =>
      client.getQueryCache().find({ queryKey: key, exact: true })?.state.isInvalidated;

    await forgetResourceReads(client, ours);

    expect(stale(keys.projects)).toBe(true);
    expect(stale(keys.otherKey)).toBe(true);
    expect(stale(keys.deployments)).toBe(true);
    expect(stale(keys.elsewhere)).toBe(false);
  });
});
