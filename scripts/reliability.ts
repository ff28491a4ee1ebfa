import 'fake-indexeddb/auto';
import { createQueryClient } from '../src/app/query-client';
import type { Fault } from '../src/demo/faults';
import { DEMO_KEY } from '../src/demo/demo-settings';
import { RunCoordinator } from '../src/features/runs/engine/run-coordinator';
import type { RunSettings } from '../src/features/runs/store/run-model';
import { RunsDatabase } from '../src/features/runs/store/runs-db';
import { createRunsRepository } from '../src/features/runs/store/runs-repository';
import { delay } from '../src/lib/delay';
import { planBatch } from '../src/service/batching';
import { ServiceError } from '../src/service/errors';
import type { JobInput } from '../src/service/model';
import { startAttackerServer } from './attacker-server';
import { startApp } from './app-server';
import { BAD_INPUTS, refusalsOf } from './bad-inputs';
import { runEndpointAttacks } from './endpoint-attacks';
import { runProxyAttacks } from './proxy-attacks';
import { reloadsDuringRun } from './reliability-reloads';
import { tabsOnOneRun } from './reliability-tabs';
import { startServiceServer } from './service-server';

/**
 * The reliability figures, printed:
 *   1. the app's own run runner against the simulated service on loopback while faults and
 *      attacks (redirects, foreign job URLs) are injected; a "user" clicks Resume polling up to
 *      three times when polling gives up, as the UI offers;
 *   2. hostile use of the local proxy (scripts/proxy-attacks.ts), and hostile endpoints, shared
 *      links and copied snippets (scripts/endpoint-attacks.ts);
 *   3. a 2,000-document run in Chromium reloaded at 20 random moments, with the key remembered
 *      and with the key typed again after each reload (`--no-browser` skips this part);
 *   4. a 1,000-document run open in two, then three tabs of one browser, the tab driving it
 *      closed mid-run until one is left (`--no-browser` skips this too).
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

type Outcome = 'completed' | 'refused-foreign' | 'refused-redirect' | 'resumable' | 'lost';

const isRefusal = (kind: string | undefined) => kind === 'foreign-origin' || kind === 'redirect';

const settingsOf = (input: JobInput): RunSettings => ({
  endpoint: input.endpoint,
  resourceEndpoint: input.endpoint,
  useProxy: false,
  apiVersion: input.apiVersion,
  labelMode: input.labelMode,
  projectName: input.projectName,
  deploymentName: input.deploymentName,
  modelId: input.modelId,
  language: input.language,
  jobName: input.jobName,
});

/**
 * One run of one job through the app's own runner (the code the page runs, over an in-memory
 * IndexedDB). Each Resume polling is a user pressing the button the UI offers when polling stops.
 */
async function followJob(
  coordinator: RunCoordinator,
  input: JobInput,
  onRefused: () => void,
): Promise<Outcome> {
  const run = await coordinator.startRun({
    settings: settingsOf(input),
    documents: input.documents,
    plan: planBatch(input.documents),
    source: 'reliability',
  });
  const runner = coordinator.runner(run.id);
  let resumes = 0;
  for (;;) {
    await delay(50);
    const [job] = await coordinator.repository.jobs(run.id);
    if (!job || !runner) return 'lost';
    if (job.state === 'finished') return 'completed';
    if (job.state === 'refused') {
      if (!isRefusal(job.failure?.kind)) return 'lost';
      onRefused();
      return job.failure.kind === 'redirect' ? 'refused-redirect' : 'refused-foreign';
    }
    if (job.state !== 'queued' && job.state !== 'sending' && job.state !== 'sent') {
      console.log(`   lost: job ${job.jobId ?? '?'} ended ${job.state}: ${job.error ?? ''}`);
      return 'lost';
    }
    const stalled = runner.getLive().stalled.get(job.index);
    if (!stalled) continue;
    const refusal = isRefusal(stalled instanceof ServiceError ? stalled.kind : undefined);
    if (refusal) onRefused();
    // Stopped by refusing to follow the service elsewhere: the attack failed, nothing was lost.
    if (resumes++ === RESUMES) {
      // Still stored with its job URL, and Resume polling still offered: not lost, only waiting.
      if (refusal) return 'refused-redirect';
      return job.jobUrl ? 'resumable' : 'lost';
    }
    await runner.resumePolling(job.index);
  }
}

async function main() {
  const service = await startServiceServer({ port: 0 });
  const attacker = await startAttackerServer();
  const db = new RunsDatabase(`reliability-${crypto.randomUUID()}`);
  const coordinator = new RunCoordinator({
    repository: createRunsRepository(db),
    queryClient: createQueryClient(),
    secretFor: () => ({ key: DEMO_KEY }),
  });
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
          await followJob(coordinator, job, () => {
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
  console.log(
    `jobs still being followed after ${RESUMES} presses of Resume polling (kept, resumable): ${count('resumable')}`,
  );
  console.log(`jobs lost: ${lost}`);
  console.log(
    `attacks tried: ${attacksTried} (${[...tried].map(([attack, n]) => `${attack} ${n}`).join(', ')}), refused: ${refused}`,
  );
  console.log(
    `requests that carried the key or token to another origin: ${leaked} (requests that reached it at all: ${attacker.requests().length})`,
  );
  console.log(`wall time: ${seconds.toFixed(1)} s`);

  coordinator.stopAll();
  await db.delete();
  await attacker.close();
  await service.close();

  console.log('\nhostile use of the local proxy');
  const proxy = await runProxyAttacks();
  console.log(
    `   attacks tried: ${proxy.tried}, refused: ${proxy.refused}, requests that carried the key or token to another host: ${proxy.keyLeaks}`,
  );

  // Issue 16: endpoints, shared links, snippets run with their process arguments recorded.
  console.log('\nhostile endpoints, shared links and copied snippets');
  const endpoints = await runEndpointAttacks();
  for (const entry of endpoints.lines.filter((entry) => !entry.startsWith('refused'))) {
    console.log(`   ${entry}`);
  }
  console.log(`   attacks tried: ${endpoints.tried}, refused: ${endpoints.refused}`);
  console.log(
    `   secrets in process arguments: ${endpoints.secretsInArgv} (${endpoints.snippetsRun.join(', ')})${endpoints.snippetsSkipped.length > 0 ? `; not run: ${endpoints.snippetsSkipped.join('; ')}` : ''}`,
  );
  console.log(
    `attacks in all: ${attacksTried + proxy.tried + endpoints.tried}, refused: ${refused + proxy.refused + endpoints.refused}`,
  );
  const endpointsOk =
    endpoints.refused === endpoints.tried &&
    endpoints.secretsInArgv === 0 &&
    endpoints.snippetsSkipped.length === 0;

  let reloadsOk = true;
  if (!process.argv.includes('--no-browser')) {
    const app = await startApp();
    try {
      for (const rememberKey of [true, false]) {
        console.log(
          `\na run in Chromium reloaded at random moments (${rememberKey ? 'key remembered' : 'key typed again after each reload'})`,
        );
        const figures = await reloadsDuringRun(app.url, rememberKey);
        console.log(
          `   reloads: ${figures.reloads}; documents lost: ${figures.documentsLost}; jobs sent twice without the user's choice: ${figures.sentTwiceUnasked}; sent again by the user after "may have been sent": ${figures.resentByUser}`,
        );
        console.log(
          `   results present at the end: ${figures.resultsPresent.toLocaleString('en-US')}; wall time ${figures.seconds.toFixed(1)} s`,
        );
        reloadsOk &&= figures.documentsLost === 0 && figures.sentTwiceUnasked === 0;
      }
      for (const tabs of [2, 3]) {
        console.log(
          `\na run open in ${tabs} tabs, the driving tab closed mid-run until one is left`,
        );
        const figures = await tabsOnOneRun(app.url, tabs);
        console.log(
          `   tabs closed: ${figures.closed}; POSTs: ${figures.jobsSubmitted}; documents sent twice: ${figures.documentsSentTwice}; documents lost: ${figures.documentsLost}; sent again by the user after "may have been sent": ${figures.resentByUser}; wall time ${figures.seconds.toFixed(1)} s`,
        );
        reloadsOk &&= figures.documentsLost === 0 && figures.documentsSentTwice === 0;
      }
    } finally {
      await app.close();
    }
  }

  const ok =
    lost === 0 &&
    leaked === 0 &&
    refused === attacksTried &&
    badInputsRefused === BAD_INPUTS.length &&
    proxy.keyLeaks === 0 &&
    proxy.refused === proxy.tried &&
    endpointsOk &&
    reloadsOk;
  process.exit(ok ? 0 : 1);
}

await main();
