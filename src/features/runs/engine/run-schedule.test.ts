import { describe, expect, it } from 'vitest';
import { RUN_JOB_STATES, type Run, type RunJob, type RunJobState } from '../store/run-model';
import {
  afterFinish,
  isOpenJob,
  isPastRetention,
  jobsToSend,
  MAX_CONCURRENCY,
  needsKey,
  parkedJobs,
  reopenedJob,
  RETENTION_MS,
  RUN_STATUS_WORDS,
  runProgress,
  START_CONCURRENCY,
  type SendContext,
} from './run-schedule';
import { testRunSettings } from '../store/test-runs';

const T0 = 1_700_000_000_000;

function makeRun(patch: Partial<Run> = {}): Run {
  return {
    id: 'run-1',
    createdAt: T0,
    name: 'SupportTickets/production · 100 docs',
    settings: { ...testRunSettings, endpoint: '/proxy/myresource', useProxy: true },
    documentCount: 100,
    labelled: false,
    source: 'the text box',
    oversized: [],
    intent: 'run',
    ...patch,
  };
}

/** Job `index` carries 25 documents from index*25. */
function makeJob(index: number, state: RunJobState, patch: Partial<RunJob> = {}): RunJob {
  const documentIndexes = Array.from({ length: 25 }, (_, offset) => index * 25 + offset);
  return {
    runId: 'run-1',
    index,
    documentIndexes,
    firstId: String(index * 25),
    lastId: String(index * 25 + 24),
    state,
    ...patch,
  };
}

const ALL_STATES: RunJobState[] = [...RUN_JOB_STATES];

describe('isOpenJob', () => {
  it('is open while the job still needs the service', () => {
    const open = ALL_STATES.filter((state) => isOpenJob(makeJob(0, state)));
    expect(open).toEqual(['queued', 'sending', 'sent']);
  });
});

describe('reopenedJob (after a reload)', () => {
  it('a job that was being sent becomes unsure, with why, and is not sent again by itself', () => {
    const patch = reopenedJob(makeJob(0, 'sending'));
    expect(patch?.state).toBe('unsure');
    expect(patch?.error).toMatch(/may have received it/);
  });

  it.each(ALL_STATES.filter((state) => state !== 'sending'))('a %s job stays as it is', (state) => {
    expect(
      reopenedJob(makeJob(0, state, { jobUrl: 'https://x/jobs/1', submittedAt: T0 })),
    ).toBeUndefined();
  });
});

describe('jobsToSend', () => {
  const context: SendContext = { inFlight: 0, concurrency: 4, paused: false, hasKey: true };

  it('sends queued jobs in order, within the concurrency', () => {
    const jobs = [0, 1, 2, 3, 4, 5].map((index) => makeJob(index, 'queued'));
    expect(jobsToSend(jobs, context)).toEqual([0, 1, 2, 3]);
  });

  it('counts jobs in flight against the concurrency', () => {
    const jobs = [
      makeJob(0, 'sent'),
      makeJob(1, 'sent'),
      makeJob(2, 'queued'),
      makeJob(3, 'queued'),
      makeJob(4, 'queued'),
    ];
    expect(jobsToSend(jobs, { ...context, inFlight: 2 })).toEqual([2, 3]);
    expect(jobsToSend(jobs, { ...context, inFlight: 4 })).toEqual([]);
    expect(jobsToSend(jobs, { ...context, inFlight: 6 })).toEqual([]);
  });

  it('never chooses a job that is not queued', () => {
    const jobs = ALL_STATES.map((state, index) => makeJob(index, state));
    expect(jobsToSend(jobs, { ...context, concurrency: 20 })).toEqual([0]);
  });

  it('sends nothing while paused or without a key', () => {
    const jobs = [makeJob(0, 'queued')];
    expect(jobsToSend(jobs, { ...context, paused: true })).toEqual([]);
    expect(jobsToSend(jobs, { ...context, hasKey: false })).toEqual([]);
  });

  it('after a reload: queued jobs are sent, unsure ones wait for the user', () => {
    const stored = [
      makeJob(0, 'finished'),
      makeJob(1, 'sending'),
      makeJob(2, 'sent'),
      makeJob(3, 'queued'),
    ];
    const reopened = stored.map((job) => ({ ...job, ...reopenedJob(job) }));
    expect(reopened.map((job) => job.state)).toEqual(['finished', 'unsure', 'sent', 'queued']);
    // The sent job is polled again, so it is in flight.
    expect(jobsToSend(reopened, { ...context, inFlight: 1 })).toEqual([3]);
  });
});

describe('concurrency', () => {
  it('starts below the maximum', () => {
    expect(START_CONCURRENCY).toBeLessThan(MAX_CONCURRENCY);
  });

  it('grows by one per finished job, up to the maximum', () => {
    expect(afterFinish(START_CONCURRENCY)).toBe(START_CONCURRENCY + 1);
    expect(afterFinish(MAX_CONCURRENCY)).toBe(MAX_CONCURRENCY);
  });
});

describe('runProgress', () => {
  it('a run with jobs still queued or sent is running', () => {
    const progress = runProgress(makeRun(), [
      makeJob(0, 'finished', { failedDocuments: 0 }),
      makeJob(1, 'sent'),
      makeJob(2, 'sending'),
      makeJob(3, 'queued'),
    ]);
    expect(progress).toEqual({
      documentsTotal: 100,
      documentsDone: 25,
      documentsFailed: 0,
      jobsTotal: 4,
      jobsDone: 1,
      jobsNeedingAttention: 0,
      open: 3,
      status: 'running',
    });
  });

  it('without the key it is waiting for the key', () => {
    expect(runProgress(makeRun(), [makeJob(0, 'sent')], false).status).toBe('waiting-for-key');
  });

  it('paused, while work is left', () => {
    expect(runProgress(makeRun({ intent: 'paused' }), [makeJob(0, 'queued')]).status).toBe(
      'paused',
    );
    expect(runProgress(makeRun({ intent: 'paused' }), [makeJob(0, 'queued')], false).status).toBe(
      'paused',
    );
  });

  it('needs attention once only unsure, refused or expired jobs are left', () => {
    for (const state of ['unsure', 'refused', 'expired'] as const) {
      const progress = runProgress(makeRun(), [makeJob(0, 'finished'), makeJob(1, state)]);
      expect(progress.status).toBe('needs-attention');
      expect(progress.jobsNeedingAttention).toBe(1);
    }
  });

  it('is still running while an unsure job waits and others are open', () => {
    expect(runProgress(makeRun(), [makeJob(0, 'unsure'), makeJob(1, 'sent')]).status).toBe(
      'running',
    );
  });

  it('refused and expired documents count as failed; unsure ones do not (they may have arrived)', () => {
    const progress = runProgress(makeRun(), [
      makeJob(0, 'refused'),
      makeJob(1, 'expired'),
      makeJob(2, 'unsure'),
      makeJob(3, 'finished', { failedDocuments: 2 }),
    ]);
    expect(progress.documentsFailed).toBe(25 + 25 + 2);
    expect(progress.documentsDone).toBe(25);
    expect(progress.jobsNeedingAttention).toBe(3);
  });

  it('done when every job finished without failures', () => {
    const jobs = [0, 1, 2, 3].map((index) => makeJob(index, 'finished', { failedDocuments: 0 }));
    const progress = runProgress(makeRun(), jobs);
    expect(progress.status).toBe('done');
    expect(progress.documentsDone).toBe(100);
    expect(progress.jobsDone).toBe(4);
    expect(progress.open).toBe(0);
  });

  it('done, with failures, when some documents came back with an error', () => {
    const jobs = [0, 1, 2, 3].map((index) =>
      makeJob(index, 'finished', { failedDocuments: index === 2 ? 3 : 0 }),
    );
    const progress = runProgress(makeRun(), jobs);
    expect(progress.status).toBe('done-with-failures');
    expect(progress.documentsFailed).toBe(3);
  });

  it('oversized documents are failed from the start, and are part of the total', () => {
    const run = makeRun({
      documentCount: 27,
      oversized: [
        { id: 'big-1', characters: 130_000 },
        { id: 'big-2', characters: 200_000 },
      ],
    });
    const running = runProgress(run, [makeJob(0, 'queued')]);
    expect(running.documentsFailed).toBe(2);
    expect(running.documentsTotal).toBe(27);
    const finished = runProgress(run, [makeJob(0, 'finished', { failedDocuments: 0 })]);
    expect(finished.documentsDone).toBe(25);
    expect(finished.status).toBe('done-with-failures');
  });

  it('a run of oversized documents only is done, with failures', () => {
    const run = makeRun({ documentCount: 1, oversized: [{ id: 'big', characters: 200_000 }] });
    const progress = runProgress(run, []);
    expect(progress.status).toBe('done-with-failures');
    expect(progress.documentsFailed).toBe(1);
  });

  it('cancelled, while sent jobs finish on the service and after', () => {
    const run = makeRun({ intent: 'cancelled' });
    expect(runProgress(run, [makeJob(0, 'sent'), makeJob(1, 'cancelled')]).status).toBe(
      'cancelled',
    );
    expect(runProgress(run, [makeJob(0, 'finished'), makeJob(1, 'cancelled')]).status).toBe(
      'cancelled',
    );
    expect(runProgress(run, [makeJob(0, 'unsure'), makeJob(1, 'cancelled')]).status).toBe(
      'cancelled',
    );
  });

  it('has words for every status', () => {
    expect(Object.keys(RUN_STATUS_WORDS).sort()).toEqual(
      [
        'cancelled',
        'done',
        'done-with-failures',
        'needs-attention',
        'paused',
        'running',
        'waiting-for-key',
      ].sort(),
    );
  });
});

describe('isPastRetention', () => {
  it('is past 24 hours after submission, not before', () => {
    expect(isPastRetention(T0, T0 + RETENTION_MS - 1)).toBe(false);
    // At 24 hours exactly the service has purged it (as service/polling.ts jobExpired says).
    expect(isPastRetention(T0, T0 + RETENTION_MS)).toBe(true);
    expect(isPastRetention(T0, T0 + RETENTION_MS + 1)).toBe(true);
    expect(RETENTION_MS).toBe(24 * 60 * 60 * 1000);
  });

  it('a job never submitted is never past retention', () => {
    expect(isPastRetention(undefined, T0 + 10 * RETENTION_MS)).toBe(false);
  });
});

describe('waiting for a key', () => {
  it.each<[RunJobState, boolean]>([
    ['queued', true],
    ['sent', true],
    ['sending', false],
    ['unsure', false],
    ['refused', false],
    ['finished', false],
    ['cancelled', false],
    ['expired', false],
  ])('a %s job needs a key to go on: %s', (state, needs) => {
    expect(needsKey(makeJob(0, state))).toBe(needs);
  });

  it('a new key polls again the sent jobs that waited, not one polled now nor one stalled', () => {
    const states: RunJobState[] = ['sent', 'sent', 'sent', 'queued', 'finished', 'sent'];
    const jobs = states.map((state, index) => makeJob(index, state));
    const inFlight = new Set([1]);
    const stalled = new Map([[2, new Error('500')]]);
    expect(parkedJobs(jobs, inFlight, stalled)).toEqual([0, 5]);
    expect(parkedJobs(jobs, new Set(), new Map())).toEqual([0, 1, 2, 5]);
  });
});
