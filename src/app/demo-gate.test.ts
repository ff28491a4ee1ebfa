import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEMO_ENDPOINT } from '../demo/demo-settings';
import { prepareForRequest } from './demo';

const service = vi.hoisted(() => ({
  startDemoService: vi.fn(() => Promise.resolve({ reset: () => undefined })),
  pauseDemoService: vi.fn(),
}));
vi.mock('../demo/browser', () => service);

const AZURE = new URL('https://contoso.cognitiveservices.azure.com/language/analyze-text/jobs');
const DEMO = new URL('/language/analyze-text/jobs', DEMO_ENDPOINT);

afterEach(() => vi.useRealTimers());

describe('prepareForRequest', () => {
  it("starts the demo for the demo's requests, and pauses it only once the demo has been idle 5 s", async () => {
    vi.useFakeTimers({ now: 1_000_000 });
    await prepareForRequest(AZURE);
    expect(service.pauseDemoService).not.toHaveBeenCalled();
    expect(service.startDemoService).not.toHaveBeenCalled();

    await prepareForRequest(DEMO);
    expect(service.startDemoService).toHaveBeenCalledTimes(1);
    await prepareForRequest(AZURE, 1_000_000 + 4_000);
    expect(service.pauseDemoService).not.toHaveBeenCalled();
    await prepareForRequest(AZURE, 1_000_000 + 5_000);
    expect(service.pauseDemoService).toHaveBeenCalledTimes(1);

    // The next demo request resumes the worker before it leaves.
    await prepareForRequest(DEMO);
    expect(service.startDemoService).toHaveBeenCalledTimes(2);
  });
});
