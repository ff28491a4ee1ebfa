import { DEMO_KEY, expect, test } from './fixtures';
import type { Page } from '@playwright/test';

const tickets = (count: number) =>
  Array.from({ length: count }, (_, index) =>
    index % 2 === 0
      ? `Ticket ${index + 1}: I was charged twice, please refund my invoice.`
      : `Ticket ${index + 1}: the app crashes with an error on start.`,
  );

const isSubmit = (url: string, method: string) =>
  method === 'POST' && url.includes('/language/analyze-text/jobs?');

test.describe('runs survive a reload', () => {
  test('a reload mid-run loses nothing: the run waits for the key, then goes on by itself', async ({
    app,
    page,
    service,
  }) => {
    // Two 40 s waits below: the test's own budget must hold them both.
    test.setTimeout(120_000);
    let submits = 0;
    page.on('request', (request) => {
      if (isSubmit(request.url(), request.method())) submits++;
    });
    await app.fill({ Endpoint: service.origin, Key: DEMO_KEY });
    await app.documents(tickets(250));
    await app.submit();
    const jobs = page.getByRole('list', { name: 'Jobs' });
    await expect(jobs.getByRole('listitem')).toHaveCount(10);
    // Some jobs are done, others on the service, others not sent yet.
    await expect(jobs.getByRole('listitem', { name: /: succeeded$/ }).first()).toBeVisible({
      timeout: 20_000,
    });
    // A job's results are on screen as soon as a poll says it is done, and saved just after. The
    // reload comes once doc1's are saved, so that they are among those shown at once after it.
    await expect(app.row('doc1')).toContainText('Billing', { timeout: 20_000 });
    await expect.poll(() => storedResultIds(page)).toContain('doc1');
    await page.reload();

    // Jobs whose POST was out at the reload need the user's word first: then the run says so.
    await expect(
      page.getByLabel('Run: Waiting for the key').or(page.getByLabel('Run: Needs attention')),
    ).toBeVisible();
    await expect(page.getByRole('alert').filter({ hasText: 'Waiting for the key' })).toContainText(
      service.origin,
    );
    await expect(app.field('Endpoint')).toHaveValue(service.origin);
    await expect(app.field('Key')).toHaveValue('');
    // Results saved before the reload are shown at once.
    await expect(app.row('doc1')).toContainText('Billing');

    await app.field('Key').fill(DEMO_KEY);
    // Jobs whose POST was out at the reload are the user's to send again, never the app's.
    const done = page.getByLabel('Run: Done', { exact: true });
    const attention = page.getByLabel('Run: Needs attention');
    await expect(done.or(attention)).toBeVisible({ timeout: 40_000 });
    let resent = 0;
    if (await attention.isVisible()) {
      const unsure = page.getByRole('button', { name: /^Send again job \d+$/ });
      resent = await unsure.count();
      const all = page.getByRole('button', { name: /^Send all \d+ again$/ });
      await ((await all.isVisible()) ? all : unsure.first()).click();
    }
    await expect(done).toBeVisible({ timeout: 40_000 });
    await expect(page.getByText('250 / 250 documents · 10 / 10 jobs')).toBeVisible();
    await page.getByRole('searchbox', { name: 'Search results' }).fill('doc250');
    await expect(app.row('doc250')).toContainText('TechnicalIssue');
    // Never more than one submit a job, plus those the user chose to send again. (An unsure job's
    // POST may not have left at all: the reload can come between the claim and the request.)
    expect(submits).toBeGreaterThanOrEqual(10);
    expect(submits).toBeLessThanOrEqual(10 + resent);
  });

  test('a job whose POST may have left before a reload is not sent again without asking', async ({
    app,
    page,
    service,
  }) => {
    await app.fill({ Endpoint: service.origin, Key: DEMO_KEY });
    // The submission leaves but its answer never comes back before the reload.
    let held = 0;
    // On the context: the demo's service worker passes requests on, out of page.route's sight.
    await page.context().route(
      (url) => url.pathname.endsWith('/language/analyze-text/jobs'),
      (route) => {
        if (route.request().method() !== 'POST') return route.fallback();
        held++;
        return new Promise(() => undefined);
      },
    );
    await app.submit();
    await expect.poll(() => held).toBe(1);
    // Reloaded while the POST is still out: its answer never reaches the page.
    await page.reload();
    await page.context().unrouteAll({ behavior: 'ignoreErrors' });
    await app.field('Key').fill(DEMO_KEY);

    const alert = page.getByRole('alert').filter({ hasText: 'The job may not have been sent' });
    await expect(alert).toBeVisible();
    await expect(page.getByLabel('Run: Needs attention')).toBeVisible();
    await page.getByRole('button', { name: 'Send again' }).click();
    await expect(app.status('succeeded')).toBeVisible({ timeout: 20_000 });
    await expect(app.row('doc5')).toBeVisible();
  });
});

test.describe('the Runs table', () => {
  test('each submit is one run; Open reads it from storage, Rerun sends the same documents, Delete asks first', async ({
    app,
    page,
  }) => {
    await app.submit();
    await expect(app.status('succeeded')).toBeVisible({ timeout: 20_000 });
    await app.field('Job name').fill('Second look');
    const runs = page.getByRole('table', { name: 'Runs' });
    await runs.getByRole('button', { name: 'Rerun SupportTickets/production · 5 docs' }).click();
    await expect(page.getByRole('region', { name: 'Run', exact: true })).toContainText(
      'Second look',
    );
    await expect(page.getByLabel('Run: Done', { exact: true })).toBeVisible({ timeout: 20_000 });
    await expect(runs.getByRole('row')).toHaveCount(3);

    // Opening a finished run reads its jobs and results only from the browser's storage: no job
    // URL is asked again. The Model panel below the run reads the form's resource (its models, two
    // a page) when it mounts with the run and its cache is stale; that is the form's, not the run's,
    // and counting it made this test fail on fresh clones.
    const calls: string[] = [];
    page.on('request', (request) => {
      const url = request.url();
      if (url.includes('demo.classify-console.invalid/language/analyze-text/jobs')) calls.push(url);
    });
    await runs.getByRole('button', { name: 'Open SupportTickets/production · 5 docs' }).click();
    await expect(page.getByRole('region', { name: 'Run', exact: true })).toContainText(
      'SupportTickets/production · 5 docs',
    );
    const before = await app.results().innerText();
    await page.reload();
    await runs.getByRole('button', { name: 'Open SupportTickets/production · 5 docs' }).click();
    await expect(app.row('doc5')).toBeVisible();
    expect(await app.results().innerText()).toBe(before);
    expect(calls).toEqual([]);

    await runs.getByRole('button', { name: 'Delete Second look' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete the run “Second look”?' });
    await dialog.getByRole('button', { name: 'Keep it' }).click();
    await expect(runs.getByRole('row')).toHaveCount(3);
    await runs.getByRole('button', { name: 'Delete Second look' }).click();
    await dialog.getByRole('button', { name: 'Delete run' }).click();
    await expect(runs.getByRole('row')).toHaveCount(2);
  });
});

/** The ids of every result the page's IndexedDB holds (read straight from it, not through the app). */
function storedResultIds(page: Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve) => {
        const opening = indexedDB.open('classify-console-runs');
        opening.onerror = () => resolve([]);
        opening.onsuccess = () => {
          const db = opening.result;
          const reading = db.transaction('results').objectStore('results').getAll();
          reading.onsuccess = () => {
            db.close();
            const rows: unknown[] = Array.isArray(reading.result) ? reading.result : [];
            resolve(rows.map((row) => String(Reflect.get(Object(row), 'id'))));
          };
          reading.onerror = () => resolve([]);
        };
      }),
  );
}
