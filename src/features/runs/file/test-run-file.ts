import type { RunJob, WholeRun } from '../store/run-model';
import { testRunSettings } from '../store/test-runs';

/** For tests: a labelled run of `count` documents, one job of up to 25 each, some jobs still open. */
export function testWholeRun(count = 4, runId = 'run-1'): WholeRun {
  const documents = Array.from({ length: count }, (_, index) => ({
    runId,
    index,
    id: `doc${index + 1}`,
    text: `Ticket ${index + 1}: « I was charged twice » — 请退款 🙂`,
    ...(index % 2 === 0 ? { language: 'en' } : {}),
    labels: [index % 3 === 0 ? 'Billing' : 'TechnicalIssue'],
    metadata: { customer: `c${index % 5}`, source: 'mail' },
  }));
  const jobs: RunJob[] = [];
  for (let start = 0; start < count; start += 25) {
    const indexes = documents.slice(start, start + 25).map((document) => document.index);
    const index = jobs.length;
    jobs.push({
      runId,
      index,
      documentIndexes: indexes,
      firstId: `doc${start + 1}`,
      lastId: `doc${start + indexes.length}`,
      characters: 40 * indexes.length,
      state: 'finished',
      jobUrl: `https://myresource.cognitiveservices.azure.com/language/analyze-text/jobs/job-${index}?api-version=2023-04-01`,
      jobId: `job-${index}`,
      status: 'succeeded',
      outcome: 'done',
      submittedAt: Date.UTC(2026, 11, 1, 9, 0, index),
      finishedAt: Date.UTC(2026, 11, 1, 9, 1, index),
      serviceDurationMs: 4_250,
      failedDocuments: 0,
    });
  }
  return {
    run: {
      id: runId,
      createdAt: Date.UTC(2026, 11, 1, 9),
      name: 'SupportTickets/production · tickets',
      settings: testRunSettings,
      documentCount: count,
      labelled: true,
      source: 'tickets.csv',
      oversized: [{ id: 'huge', characters: 200_000 }],
      intent: 'run',
      threshold: 0.35,
    },
    documents,
    jobs,
    results: documents.map((document) => ({
      runId,
      index: document.index,
      id: document.id,
      classes: [
        { category: 'Billing', confidence: 0.8125 },
        { category: 'TechnicalIssue', confidence: 0.1875 },
      ],
      ...(document.index === 1
        ? { detectedLanguage: { code: 'fr', name: 'French', confidence: 0.9 } }
        : {}),
      warnings:
        document.index === 2 ? [{ code: 'LongWordsInDocument', message: 'Long words' }] : [],
      ...(document.index === 3
        ? {
            problems: [{ kind: 'invalid-confidence' as const, category: 'Other', received: '1.5' }],
          }
        : {}),
    })),
    corrections: [{ runId, index: 0, id: 'doc1', labels: ['Account'] }],
  };
}

/** The run's documents as writeRunFile reads them: in slices, like the repository hands them out. */
export async function* documentSlices(whole: WholeRun, size = 3) {
  for (let start = 0; start < whole.documents.length; start += size) {
    await Promise.resolve();
    yield whole.documents.slice(start, start + size);
  }
}
