/** Runs `task` once the browser is idle after the first paint (soon, where it cannot say). */
export function whenIdle(task: () => void): void {
  if ('requestIdleCallback' in window) requestIdleCallback(task, { timeout: 1500 });
  else setTimeout(task, 200);
}
