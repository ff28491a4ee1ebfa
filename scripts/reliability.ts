import { createServer } from 'node:http';
import { MutationObserver, QueryClient } from '@tanstack/react-query';
import type { Fault } from '../src/demo/faults';
import { DEMO_KEY } from '../src/demo/demo-settings';
import { jobQueryOptions } from '../src/features/jobs/job-query';
import { submitJobOptions, type Submission } from '../src/features/jobs/submit-options';
import { ServiceError } from '../src/service/errors';
import type { JobInput } from '../src/service/model';
import { BAD_INPUTS, refusalsOf } from './bad-inputs';
import { pollUntilSettled } from './poll-job';
import { startServiceServer } from './service-server';

/**
 * Drives the app's own submit and polling options (the same React Query options the UI uses)
 * against the simulated service on loopback while faults are injected, and prints the figures.
 * A "user" clicks Resume polling up to three times when polling gives up, as the UI offers.
 */

const JOBS = Number(process.env.RELIABILITY_JOBS ?? 40);
const CONCURRENCY = 8;
const RESUMES = 3;

/** A server on another origin that only counts requests that arrive with the key. */
async function startForeignOrigin() {
  let keyed = 0;
  const server = createServer((request, response) => {
    if (request.headers['ocp-apim-subscription-key']) keyed++;
    response.statusCode = 404;
    response.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('The foreign server has no port.');
  return {
    origin: `http://127.0.0.1:${address.port}`,
    keyedRequests: () => keyed,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function randomFault(foreignOrigin: string, random: () => number): Fault {
  const roll = random();
  const onPoll = { path: '/analyze-text/jobs/', method: 'GET' };
  const onSubmit = { path: '/analyze-text/jobs', method: 'POST' };
  if (roll < 0.25)
    return { kind: 'throttle', retryAfterSeconds: 1, ...(random() < 0.5 ? onPoll : onSubmit) };
  if (roll < 0.5) return { kind: 'server-error', ...onPoll };
  if (roll < 0.7) return { kind: 'garbled', ...onPoll };
  if (roll < 0.9) return { kind: 'drop', ...onPoll };
  return { kind: 'foreign-location', location: `${foreignOrigin}/jobs/stolen`, ...onSubmit };
}

/** A small seeded generator, so that a run can be repeated. */
function seeded(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) % 2 ** 32;
    return state / 2 ** 32;
  };
}

type Outcome = 'completed' | 'refused-foreign' | 'lost';

async function followJob(client: QueryClient, submission: Submission): Promise<Outcome> {
  let submitted;
  try {
    submitted = await new MutationObserver(client, submitJobOptions).mutate(submission);
  } catch (error) {
    if (error instanceof ServiceError && error.kind === 'foreign-origin') return 'refused-foreign';
    return 'lost';
  }
  const credentials = { endpoint: submission.input.endpoint, key: submission.key };
  const options = jobQueryOptions(submitted.jobUrl, submitted.submittedAt, credentials);
  // Each further attempt is a user clicking Resume polling.
  for (let attempt = 0; attempt <= RESUMES; attempt++) {
    if ((await pollUntilSettled(client, options, submitted.submittedAt)) === 'done')
      return 'completed';
  }
  return 'lost';
}

async function main() {
  const service = await startServiceServer({ port: 0 });
  const foreign = await startForeignOrigin();
  const client = new QueryClient();
  const random = seeded(20261128);
  const injected = new Map<string, number>();
  const outcomes: Outcome[] = [];

  const badInputsRefused = BAD_INPUTS.filter((input) => refusalsOf(input).length > 0).length;

  const input = (index: number): JobInput => ({
    endpoint: service.origin,
    apiVersion: index % 4 === 3 ? 'v3.1-preview.ct.1' : '2023-04-01',
    labelMode: index % 2 === 0 ? 'single' : 'multi',
    projectName: index % 2 === 0 ? 'SupportTickets' : 'MovieGenres',
    deploymentName: 'production',
    modelId:
      index % 2 === 0
        ? 'd3m0c0de-5eed-4a11-9c1a-000000000001_SingleClassification_latest'
        : 'd3m0c0de-5eed-4a11-9c1a-000000000002_MultiClassification_latest',
    language: 'en',
    jobName: `reliability-${index}`,
    documents: Array.from({ length: 1 + (index % 25) }, (_, d) => ({
      id: `doc${d + 1}`,
      text: `Refund the double charge on invoice ${index}-${d}; the app also crashed.`,
    })),
  });

  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < JOBS) {
        const index = next++;
        for (let f = 0; f < 2; f++) {
          const fault = randomFault(foreign.origin, random);
          service.faults.inject(fault);
          injected.set(fault.kind, (injected.get(fault.kind) ?? 0) + 1);
        }
        outcomes.push(await followJob(client, { input: input(index), key: DEMO_KEY }));
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const count = (outcome: Outcome) => outcomes.filter((o) => o === outcome).length;
  const faults = [...injected.values()].reduce((sum, n) => sum + n, 0);
  const lost = count('lost');
  const leaked = foreign.keyedRequests();

  console.log(
    `bad inputs tried: ${BAD_INPUTS.length}, refused before sending: ${badInputsRefused}`,
  );
  console.log(
    `faults injected: ${faults} (${[...injected].map(([kind, n]) => `${kind} ${n}`).join(', ')})`,
  );
  console.log(
    `jobs submitted: ${JOBS}, completed: ${count('completed')}, refused (job URL on a foreign origin): ${count('refused-foreign')}`,
  );
  console.log(`jobs lost: ${lost}`);
  console.log(`requests that carried the key to a foreign origin: ${leaked}`);
  console.log(`wall time: ${seconds.toFixed(1)} s`);

  client.clear();
  await foreign.close();
  await service.close();
  const ok = lost === 0 && leaked === 0 && badInputsRefused === BAD_INPUTS.length;
  process.exit(ok ? 0 : 1);
}

await main();
