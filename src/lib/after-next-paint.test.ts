// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { afterNextPaint } from './after-next-paint';

describe('afterNextPaint', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['requestAnimationFrame', 'cancelAnimationFrame'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('calls back in the second frame, not the first', () => {
    const callback = vi.fn();
    afterNextPaint(callback);
    vi.advanceTimersToNextFrame();
    expect(callback).not.toHaveBeenCalled();
    vi.advanceTimersToNextFrame();
    expect(callback).toHaveBeenCalledOnce();
  });

  it('is cancelled before the first frame', () => {
    const callback = vi.fn();
    afterNextPaint(callback)();
    vi.advanceTimersToNextFrame();
    vi.advanceTimersToNextFrame();
    expect(callback).not.toHaveBeenCalled();
  });

  it('is cancelled between the two frames', () => {
    const callback = vi.fn();
    const cancel = afterNextPaint(callback);
    vi.advanceTimersToNextFrame();
    cancel();
    vi.advanceTimersToNextFrame();
    expect(callback).not.toHaveBeenCalled();
  });
});
