/**
 * Up to this many results, a new list is rendered in the task it arrives in: indexing, counting and
 * drawing that few rows takes a few milliseconds, and a deferred render would wait for the rest of
 * the page's deferred work (the evaluation's) before its rows appear. Beyond it the list renders
 * in the background, in slices, so that 10,000 results never make a long task.
 */
export const RENDER_AT_ONCE_UP_TO = 100;

/** Whether a list of `count` results is rendered at once rather than deferred. Pure. */
export function rendersAtOnce(count: number): boolean {
  return count <= RENDER_AT_ONCE_UP_TO;
}
