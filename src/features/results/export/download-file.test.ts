import { afterEach, describe, expect, it, vi } from 'vitest';
import { blobOfChunks, TASK_BUDGET_MS } from './download-file';

afterEach(() => {
  vi.useRealTimers();
});

/** Chunks that note when each is asked for, into the same log as the pauses. */
function* loggedChunks(log: string[], count: number) {
  for (let index = 0; index < count; index++) {
    log.push(`chunk ${index}`);
    yield `${index};`;
  }
}

/** A clock on which every reading is a task's whole budget later than the one before. */
function slowClock() {
  let time = 0;
  return () => (time += TASK_BUDGET_MS);
}

describe('blobOfChunks', () => {
  it('puts the chunks, in order, into one Blob of the given type', async () => {
    const blob = await blobOfChunks(['a,b\r\n', '"1",2\r\n', ''], 'text/csv');
    expect(blob.type).toBe('text/csv');
    expect(await blob.text()).toBe('a,b\r\n"1",2\r\n');
  });

  it('asks for the next chunk only after it has yielded, once a task has used its budget', async () => {
    const log: string[] = [];
    let resume: () => void = () => undefined;
    const pause = () => {
      log.push('pause');
      return new Promise<void>((resolve) => (resume = resolve));
    };
    const written = blobOfChunks(loggedChunks(log, 3), 'text/plain', { pause, now: slowClock() });
    expect(log).toEqual(['chunk 0', 'pause']);
    resume();
    await vi.waitFor(() => expect(log).toEqual(['chunk 0', 'pause', 'chunk 1', 'pause']));
    resume();
    await vi.waitFor(() => expect(log).toHaveLength(6));
    resume();
    expect(await (await written).text()).toBe('0;1;2;');
    expect(log).toEqual(['chunk 0', 'pause', 'chunk 1', 'pause', 'chunk 2', 'pause']);
  });

  it('writes quick chunks in the same task, without yielding', async () => {
    const log: string[] = [];
    const pause = vi.fn(() => Promise.resolve());
    await blobOfChunks(loggedChunks(log, 50), 'text/plain', { pause, now: () => 0 });
    expect(log).toHaveLength(50);
    expect(pause).not.toHaveBeenCalled();
  });

  it('yields through a timer by default, so the browser can handle input and paint between', async () => {
    vi.useFakeTimers();
    const log: string[] = [];
    const written = blobOfChunks(loggedChunks(log, 3), 'text/plain', { now: slowClock() });
    await Promise.resolve();
    expect(log).toEqual(['chunk 0']);
    expect(vi.getTimerCount()).toBe(1);
    await vi.runAllTimersAsync();
    expect(await (await written).text()).toBe('0;1;2;');
  });
});
