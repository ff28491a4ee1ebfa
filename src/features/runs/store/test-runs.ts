import { onTestFinished } from 'vitest';
import { planBatch } from '../../../service/batching';
import type { RunSettings } from './run-model';
import { RunsDatabase } from './runs-db';
import { createRunsRepository, type RunsRepository } from './runs-repository';

/** For tests: settings a run could have been sent with. */
export const testRunSettings: RunSettings = {
  endpoint: 'https://myresource.cognitiveservices.azure.com',
  resourceEndpoint: 'https://myresource.cognitiveservices.azure.com',
  useProxy: false,
  apiVersion: '2023-04-01',
  labelMode: 'single',
  projectName: 'SupportTickets',
  deploymentName: 'production',
  modelId: '',
  language: 'en',
  jobName: '',
};

/** For tests: a repository over a database of its own (fake-indexeddb), deleted after the test. */
export function testRunsRepository(): RunsRepository {
  const db = new RunsDatabase(`test-runs-${crypto.randomUUID()}`);
  onTestFinished(() => db.delete());
  return createRunsRepository(db);
}

/** For tests: a stored run of `count` documents, `doc1`… with texts `Text 1`…, cut into jobs. */
export function storeTestRun(repository: RunsRepository, count: number) {
  const documents = Array.from({ length: count }, (_, index) => ({
    id: `doc${index + 1}`,
    text: `Text ${index + 1}`,
  }));
  return repository.create({
    settings: testRunSettings,
    documents,
    plan: planBatch(documents),
    source: 'test',
  });
}
