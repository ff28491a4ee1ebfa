/**
 * Lets the page paint and answer input before the next slice of a long piece of work:
 * `scheduler.yield()` where the browser has it (the work resumes ahead of other tasks), otherwise a
 * fresh macrotask through a MessageChannel (nested `setTimeout(0)` is clamped to 4 ms each).
 */
export function yieldToPage(): Promise<void> {
  const scheduler: unknown = Reflect.get(globalThis, 'scheduler');
  if (typeof scheduler === 'object' && scheduler !== null) {
    const yieldNow: unknown = Reflect.get(scheduler, 'yield');
    if (typeof yieldNow === 'function')
      return Promise.resolve(yieldNow.call(scheduler)).then(() => undefined);
  }
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(undefined);
  });
}
