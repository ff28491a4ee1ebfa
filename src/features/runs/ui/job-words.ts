import type { RunJob } from '../store/run-model';

export type Tone = 'done' | 'failed' | 'running' | 'waiting';

/** What one job of a run is doing, in words, from what is stored and what the runner knows now. */
export function describeJob(job: RunJob, stalled: Error | undefined): { word: string; tone: Tone } {
  switch (job.state) {
    case 'queued':
      return { word: 'queued', tone: 'waiting' };
    case 'sending':
      return { word: 'sending', tone: 'running' };
    case 'sent':
      return stalled
        ? { word: 'stopped following', tone: 'failed' }
        : { word: job.status ?? 'submitted', tone: 'running' };
    case 'unsure':
      return { word: 'maybe sent', tone: 'failed' };
    case 'refused':
      return { word: 'not sent', tone: 'failed' };
    case 'expired':
      return { word: 'expired', tone: 'failed' };
    case 'cancelled':
      return { word: 'cancelled', tone: 'waiting' };
    case 'finished':
      return {
        word: job.status ?? job.outcome ?? 'finished',
        tone: job.outcome === 'done' ? 'done' : 'failed',
      };
  }
}

export function documentRange(job: RunJob): string {
  return job.documentIndexes.length > 1 ? `${job.firstId} – ${job.lastId}` : job.firstId;
}

// A Map, not an object: a status of `__proto__` or `constructor` must read as itself, not as
// Object.prototype's members (which crashed the run panel).
const STATUS_WORDS = new Map<string, string>([
  ['notstarted', 'Not started'],
  ['running', 'Running'],
  ['succeeded', 'Succeeded'],
  ['completed', 'Completed'],
  ['partiallycompleted', 'Partially completed'],
  ['partiallysucceeded', 'Partially succeeded'],
  ['failed', 'Failed'],
  ['cancelling', 'Cancelling'],
  ['cancelled', 'Cancelled'],
  ['rejected', 'Rejected'],
]);

/** The service's status word for people: `notStarted` → "Not started"; unknown words as sent. */
export function statusInWords(status: string): string {
  return STATUS_WORDS.get(status.toLowerCase()) ?? status;
}
