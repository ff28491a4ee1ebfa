/** Lets the browser handle input and paint before the next piece of work. */
export const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** How long one task may write before it lets the page respond: well under a 50 ms long task. */
export const TASK_BUDGET_MS = 8;

export interface ChunkPacing {
  pause?: () => Promise<void>;
  now?: () => number;
}

/**
 * The chunks as one Blob of Blob parts, yielding to the browser whenever a task has written for
 * `TASK_BUDGET_MS`: each chunk leaves the JS heap as soon as it is written, and no string or task
 * grows with the number of results.
 */
export async function blobOfChunks(
  chunks: Iterable<string>,
  type: string,
  { pause = nextTask, now = () => performance.now() }: ChunkPacing = {},
): Promise<Blob> {
  const parts: Blob[] = [];
  let taskStart = now();
  for (const chunk of chunks) {
    parts.push(new Blob([chunk]));
    if (now() - taskStart >= TASK_BUDGET_MS) {
      await pause();
      taskStart = now();
    }
  }
  return new Blob(parts, { type });
}

/** Saves a Blob as a file through a temporary link; the object URL is let go once the click is handled. */
export function downloadFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
