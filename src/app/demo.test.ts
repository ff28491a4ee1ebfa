import { describe, expect, it } from 'vitest';
import { DEMO_ENDPOINT } from '../demo/demo-settings';
import { demoContainerSasUrl } from '../demo/demo-storage';
import { demoSasUrlOfRun } from './demo';

describe('demoSasUrlOfRun', () => {
  it('offers the demo’s own container SAS URL to a demo run of SupportTickets only', () => {
    expect(demoSasUrlOfRun(DEMO_ENDPOINT, 'SupportTickets')).toBe(
      demoContainerSasUrl('support-tickets'),
    );
    expect(demoSasUrlOfRun(DEMO_ENDPOINT, 'MovieGenres')).toBeUndefined();
    expect(
      demoSasUrlOfRun('https://myres.cognitiveservices.azure.com', 'SupportTickets'),
    ).toBeUndefined();
  });
});
