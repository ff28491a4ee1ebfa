/**
 * Calls `callback` once the next frame has been painted (the frame after the next one starts), so
 * work that reads layout finds it clean instead of forcing it in the task that changed the page.
 * Returns a function that cancels the call if it has not run yet.
 */
export function afterNextPaint(callback: () => void): () => void {
  let frame = requestAnimationFrame(() => {
    frame = requestAnimationFrame(callback);
  });
  return () => cancelAnimationFrame(frame);
}
