import { describe, expect, it, vi } from 'vitest';
import { DEMO_ENDPOINT } from '../demo/demo-settings';
import { prepareForRequest } from './demo';

const service = vi.hoisted(() => ({
  startDemoService: vi.fn(() => Promise.resolve({ reset: () => undefined })),
  pauseDemoService: vi.fn(),
}));
vi.mock('../demo/browser', () => service);

const AZURE = new URL('https://contoso.cognitiveservices.azure.com/language/analyze-text/jobs');
const DEMO = new URL('/language/analyze-text/jobs', DEMO_ENDPOINT);

describe('prepareForRequest', () => {
  it('never loads the demo for Azure, starts it for the demo, and pauses it when no demo request is out', async () => {
    await prepareForRequest(AZURE);
    expect(service.startDemoService).not.toHaveBeenCalled();
    expect(service.pauseDemoService).not.toHaveBeenCalled();

    const answered = await prepareForRequest(DEMO);
    expect(service.startDemoService).toHaveBeenCalledTimes(1);
    // A demo request is out: an Azure request leaves the worker answering.
    await prepareForRequest(AZURE);
    expect(service.pauseDemoService).not.toHaveBeenCalled();
    answered?.();
    answered?.(); // twice counts once
    await prepareForRequest(AZURE);
    expect(service.pauseDemoService).toHaveBeenCalledTimes(1);

    // The next demo request resumes the worker before it leaves.
    await prepareForRequest(DEMO);
    expect(service.startDemoService).toHaveBeenCalledTimes(2);
  });
});
