import { MutationObserver, type QueryClient } from '@tanstack/react-query';
import { createQueryClient } from '../src/app/query-client';
import type { Fault } from '../src/demo/faults';
import { DEMO_KEY } from '../src/demo/demo-settings';
import { jobPollOptions } from '../src/features/runs/job-query';
import { submitJobOptions, type Submission } from './submit-job';
import { ServiceError } from '../src/service/errors';
import type { JobInput } from '../src/service/model';
import { startAttackerServer } from './attacker-server';
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

type Attack = 'foreign job URL' | 'redirect on submit' | 'redirect on poll' | 'redirect on page';

interface PlannedFault {
  fault: Fault;
  attack?: Attack;
}

/** `pages` says whether the job has a second results page: then its page is redirected. */
function randomFault(attackerOrigin: string, random: () => number, pages: boolean): PlannedFault {
  const roll = pages ? 1 : random();
  const onPoll = { path: '/analyze-text/jobs/', method: 'GET' };
  const onSubmit = { path: '/analyze-text/jobs', method: 'POST' };
  const stolen = `${attackerOrigin}/language/analyze-text/jobs/stolen?api-version=2023-04-01`;
  if (roll < 0.2)
    return {
      fault: { kind: 'throttle', retryAfterSeconds: 1, ...(random() < 0.5 ? onPoll : onSubmit) },
    };
  if (roll < 0.4) return { fault: { kind: 'server-error', ...onPoll } };
  if (roll < 0.55) return { fault: { kind: 'garbled', ...onPoll } };
  if (roll < 0.7) return { fault: { kind: 'drop', ...onPoll } };
  if (roll < 0.78)
    return {
      fault: { kind: 'foreign-location', location: stolen, ...onSubmit },
      attack: 'foreign job URL',
    };
  if (roll < 0.85)
    return {
      fault: { kind: 'redirect', status: 307, location: stolen, ...onSubmit },
      attack: 'redirect on submit',
    };
  const status = random() < 0.5 ? 302 : 307;
  if (!pages)
    return {
      fault: { kind: 'redirect', status, location: stolen, ...onPoll },
      attack: 'redirect on poll',
    };
  return {
    fault: { kind: 'redirect', status: 307, location: stolen, query: 'skip=20', ...onPoll },
    attack: 'redirect on page',
  };
}

/** A small seeded generator, so that a run can be repeated. */
function seeded(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) % 2 ** 32;
    return state / 2 ** 32;
  };
}

type Outcome = 'completed' | 'refused-foreign' | 'refused-redirect' | 'lost';

/** A call the client refused because the service pointed it elsewhere. */
const isRefusedAttack = (error: unknown) =>
  error instanceof ServiceError && (error.kind === 'foreign-origin' || error.kind === 'redirect');

async function followJob(
  client: QueryClient,
  submission: Submission,
  onRefused: () => void,
): Promise<Outcome> {
  let submitted;
  try {
    submitted = await new MutationObserver(client, submitJobOptions).mutate(submission);
  } catch (error) {
    if (!isRefusedAttack(error)) return 'lost';
    onRefused();
    return error instanceof ServiceError && error.kind === 'redirect'
      ? 'refused-redirect'
      : 'refused-foreign';
  }
  const credentials = { endpoint: submission.input.endpoint, key: submission.key };
  const options = jobPollOptions(submitted.jobUrl, credentials);
  // Each further attempt is a user clicking Resume polling.
  const last = { refused: false };
  for (let attempt = 0; attempt <= RESUMES; attempt++) {
    const settled = await pollUntilSettled(client, options, submitted.submittedAt, (error) => {
      last.refused = isRefusedAttack(error);
      if (last.refused) onRefused();
    });
    if (settled === 'done') return 'completed';
  }
  // Stopped by refusing to follow the service elsewhere: the attack failed, nothing was lost to a fault.
  return last.refused ? 'refused-redirect' : 'lost';
}

async function main() {
  const service = await startServiceServer({ port: 0 });
  const attacker = await startAttackerServer();
  const client = createQueryClient();
  const random = seeded(20261128);
  const injected = new Map<string, number>();
  const outcomes: Outcome[] = [];
  const attacks = new Map<Fault, Attack>();
  let refused = 0;

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
        const job = input(index);
        for (let f = 0; f < 2; f++) {
          const pages = f === 1 && job.documents.length > 20;
          const { fault, attack } = randomFault(attacker.origin, random, pages);
          service.faults.inject(fault);
          if (attack) attacks.set(fault, attack);
          injected.set(fault.kind, (injected.get(fault.kind) ?? 0) + 1);
        }
        outcomes.push(
          await followJob(client, { input: job, key: DEMO_KEY }, () => {
            refused++;
          }),
        );
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const count = (outcome: Outcome) => outcomes.filter((o) => o === outcome).length;
  const faults = [...injected.values()].reduce((sum, n) => sum + n, 0);
  const lost = count('lost');
  const leaked = attacker.credentialedRequests();
  const tried = new Map<Attack, number>();
  for (const fault of service.faults.served()) {
    const attack = attacks.get(fault);
    if (attack) tried.set(attack, (tried.get(attack) ?? 0) + 1);
  }
  const attacksTried = [...tried.values()].reduce((sum, n) => sum + n, 0);

  console.log(
    `bad inputs tried: ${BAD_INPUTS.length}, refused before sending: ${badInputsRefused}`,
  );
  console.log(
    `faults injected: ${faults} (${[...injected].map(([kind, n]) => `${kind} ${n}`).join(', ')})`,
  );
  console.log(
    `jobs submitted: ${JOBS}, completed: ${count('completed')}, refused (job URL on a foreign origin): ${count('refused-foreign')}, stopped by a refused redirect: ${count('refused-redirect')}`,
  );
  console.log(`jobs lost: ${lost}`);
  console.log(
    `attacks tried: ${attacksTried} (${[...tried].map(([attack, n]) => `${attack} ${n}`).join(', ')}), refused: ${refused}`,
  );
  console.log(
    `requests that carried the key or token to another origin: ${leaked} (requests that reached it at all: ${attacker.requests().length})`,
  );
  console.log(`wall time: ${seconds.toFixed(1)} s`);

  client.clear();
  await attacker.close();
  await service.close();
  const ok =
    lost === 0 &&
    leaked === 0 &&
    refused === attacksTried &&
    badInputsRefused === BAD_INPUTS.length;
  process.exit(ok ? 0 : 1);
}

await main();
