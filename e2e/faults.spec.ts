import type { Page } from '@playwright/test';
import type { Fault } from '../src/demo/faults';
import { ATTACKER_CATEGORY, startAttackerServer } from '../scripts/attacker-server';
import { startServiceServer } from '../scripts/service-server';
import { expect, test, type ConsolePage, type Service } from './fixtures';

async function connect(app: ConsolePage, origin: string) {
  await app.connect(origin);
  await app.documents(['My invoice was charged twice.', 'The app crashes with an error.']);
}

const inject = (service: Service, ...faults: Fault[]) => {
  for (const one of faults) service.faults.inject(one);
};

const JOB_PATH = '/analyze-text/jobs/';

test.describe('faults on the way', () => {
  test('a throttled submit waits as asked, is sent again, and is accepted once', async ({
    app,
    page,
    service,
  }) => {
    const accepted: number[] = [];
    page.on('response', (response) => {
      if (response.request().method() === 'POST' && response.status() === 202) accepted.push(1);
    });
    inject(service, {
      kind: 'throttle',
      path: '/analyze-text/jobs',
      method: 'POST',
      retryAfterSeconds: 1,
    });
    await connect(app, service.origin);
    await app.submit();
    await expect(page.getByText(/Throttled, retrying in \d+ s/)).toBeVisible();
    await expect(app.status('succeeded')).toBeVisible();
    expect(accepted).toHaveLength(1);
  });

  test('a throttled poll waits as asked and carries on', async ({ app, page, service }) => {
    inject(service, { kind: 'throttle', path: JOB_PATH, method: 'GET', retryAfterSeconds: 1 });
    await connect(app, service.origin);
    await app.submit();
    await expect(page.getByText(/Throttled, retrying in \d+ s/)).toBeVisible();
    await expect(app.status('succeeded')).toBeVisible();
    await expect(app.row('doc1')).toContainText('Billing');
  });

  for (const kind of ['server-error', 'garbled', 'drop'] as const) {
    test(`a poll that meets ${kind} is retried with backoff and the job completes`, async ({
      app,
      service,
    }) => {
      inject(service, { kind, path: JOB_PATH, method: 'GET', times: 2 });
      await connect(app, service.origin);
      await app.submit();
      await expect(app.status('succeeded')).toBeVisible({ timeout: 20_000 });
      await expect(app.row('doc2')).toContainText('TechnicalIssue');
    });
  }

  test('after bounded retries polling stops, keeps the job, and Resume polling finishes it', async ({
    app,
    page,
    service,
  }) => {
    test.slow();
    inject(service, { kind: 'server-error', path: JOB_PATH, method: 'GET', times: 100 });
    await connect(app, service.origin);
    await app.submit();
    await expect(page.getByRole('alert')).toContainText('Stopped following the job', {
      timeout: 40_000,
    });
    await expect(page.getByRole('alert')).toContainText('Internal server error');
    service.faults.clear();
    await page.getByRole('button', { name: 'Resume polling' }).click();
    await expect(app.status('succeeded')).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);
  });

  test('a spent quota is not retried', async ({ app, page, service }) => {
    let posts = 0;
    page.on('request', (request) => {
      if (request.method() === 'POST') posts++;
    });
    inject(service, { kind: 'quota', path: '/analyze-text/jobs', method: 'POST', times: 5 });
    await connect(app, service.origin);
    await app.submit();
    await expect(page.getByRole('alert')).toContainText('quota of this resource is spent');
    await expect(page.getByRole('alert')).toContainText('Out of call volume quota');
    expect(posts).toBe(1);
  });

  test('a job that is gone (404) is said to have expired', async ({ app, page, service }) => {
    inject(service, { kind: 'not-found', path: JOB_PATH, method: 'GET' });
    await connect(app, service.origin);
    await app.submit();
    await expect(page.getByRole('alert')).toContainText('The job has expired or is gone');
  });

  test('a job URL on another origin gets no request and no key', async ({ app, page, service }) => {
    const foreign: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('foreign.invalid')) foreign.push(request.url());
    });
    inject(service, {
      kind: 'foreign-location',
      path: '/analyze-text/jobs',
      method: 'POST',
      location: 'https://foreign.invalid/jobs/1',
    });
    await connect(app, service.origin);
    await app.submit();
    await expect(page.getByRole('alert')).toContainText('not your endpoint');
    await expect(page.getByRole('alert')).toContainText('key did not leave');
    expect(foreign).toEqual([]);
  });
});

test.describe('a gateway that hides operation-location', () => {
  test('is explained as CORS, and the local proxy gets through', async ({ app, page }) => {
    const hidden = await startServiceServer({ port: 0, exposeHeaders: false });
    try {
      await connect(app, hidden.origin);
      await app.submit();
      const alert = page.getByRole('alert');
      await expect(alert).toContainText('CORS');
      await expect(alert).toContainText('local proxy');

      await page.getByRole('checkbox', { name: 'Use local proxy' }).check();
      await app.submit();
      await expect(app.status('succeeded')).toBeVisible();
      await expect(app.row('doc1')).toContainText('Billing');
    } finally {
      await hidden.close();
    }
  });
});

type Attacker = Awaited<ReturnType<typeof startAttackerServer>>;

/** Each test gets its own hostile server on another loopback port, where the redirects point. */
const attackTest = test.extend<{ attacker: Attacker }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures must destructure their deps.
  attacker: async ({}, use) => {
    const attacker = await startAttackerServer();
    await use(attacker);
    await attacker.close();
  },
});

const stolenJob = (attacker: Attacker) =>
  `${attacker.origin}/language/analyze-text/jobs/stolen?api-version=2023-04-01`;

async function expectRefusedRedirect(page: Page, attacker: Attacker) {
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('answered with a redirect');
  await expect(alert).toContainText('not followed, so your key did not leave');
  expect(attacker.credentialedRequests()).toBe(0);
  expect(attacker.requests()).toEqual([]);
  await expect(page.getByText(ATTACKER_CATEGORY)).toHaveCount(0);
}

attackTest.describe('a redirect to another origin is refused and the key stays', () => {
  attackTest('a submit answered with 307', async ({ app, page, service, attacker }) => {
    inject(service, {
      kind: 'redirect',
      status: 307,
      path: '/analyze-text/jobs',
      method: 'POST',
      location: `${attacker.origin}/language/analyze-text/jobs?api-version=2023-04-01`,
    });
    await connect(app, service.origin);
    await app.submit();
    await expectRefusedRedirect(page, attacker);
    await expect(page.getByRole('alert')).toContainText('Could not submit the job');
    await expect(page.getByRole('alert')).toContainText('never redirects');
  });

  for (const status of [302, 307] as const) {
    attackTest(
      `a poll answered with ${status} shows no foreign results`,
      async ({ app, page, service, attacker }) => {
        inject(service, {
          kind: 'redirect',
          status,
          path: JOB_PATH,
          method: 'GET',
          location: stolenJob(attacker),
        });
        await connect(app, service.origin);
        await app.submit();
        await expectRefusedRedirect(page, attacker);
        await expect(app.results()).toHaveCount(0);
      },
    );
  }

  attackTest('a nextLink page answered with 307', async ({ app, page, service, attacker }) => {
    inject(service, {
      kind: 'redirect',
      status: 307,
      path: JOB_PATH,
      method: 'GET',
      query: 'skip=20',
      location: stolenJob(attacker),
    });
    await app.connect(service.origin);
    await app.documents(
      Array.from({ length: 21 }, (_, index) => `My invoice ${index} was charged twice.`),
    );
    await app.submit();
    await expectRefusedRedirect(page, attacker);
    expect(service.faults.served().map((fault) => fault.kind)).toEqual(['redirect']);
  });

  attackTest(
    'through the local proxy, a poll answered with 307',
    async ({ app, page, service, attacker }) => {
      inject(service, {
        kind: 'redirect',
        status: 307,
        path: JOB_PATH,
        method: 'GET',
        location: stolenJob(attacker),
      });
      await connect(app, service.origin);
      await page.getByRole('checkbox', { name: 'Use local proxy' }).check();
      await app.submit();
      // The proxy may refuse the redirect itself (a 502) or hand it back for the app to refuse.
      await expect(page.getByRole('alert')).toContainText(/redirect/i);
      expect(attacker.credentialedRequests()).toBe(0);
      expect(attacker.requests()).toEqual([]);
      await expect(page.getByText(ATTACKER_CATEGORY)).toHaveCount(0);
    },
  );
});
