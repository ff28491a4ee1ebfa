import type { Request } from '@playwright/test';
import { startServiceServer } from '../scripts/service-server';
import { DEMO_KEY, expect, test, untilLive } from './fixtures';

const tickets = (count: number) =>
  Array.from({ length: count }, (_, index) =>
    index % 2 === 0
      ? `Ticket ${index + 1}: I was charged twice, please refund my invoice.`
      : `Ticket ${index + 1}: the app crashes with an error on start.`,
  );

/** The first document of a submission names the job it carries. */
function firstIdOf(request: Request): string | undefined {
  if (request.method() !== 'POST' || !request.url().includes('/language/analyze-text/jobs?'))
    return undefined;
  return /"id":"(doc\d+)"/.exec(request.postData() ?? '')?.[1];
}

test.describe('two tabs on one run', () => {
  test('one tab sends, the other watches and takes over when it closes; no job goes out twice', async ({
    app,
    page,
  }) => {
    test.setTimeout(120_000);
    // Jobs of ~4 s, so that the first tab closes with work left.
    const service = await startServiceServer({ port: 0, timing: { queuedMs: 500, runMs: 3_500 } });
    try {
      const context = page.context();
      const submissions = new Map<string, number>();
      context.on('request', (request) => {
        const first = firstIdOf(request);
        if (first) submissions.set(first, (submissions.get(first) ?? 0) + 1);
      });
      await app.fill({ Endpoint: service.origin, Key: DEMO_KEY });
      await page.getByRole('checkbox', { name: 'Remember key on this device' }).check();
      await app.documents(tickets(250));
      await app.submit();
      const jobs = page.getByRole('list', { name: 'Jobs' });
      await expect(jobs.getByRole('listitem')).toHaveCount(10);

      const second = await context.newPage();
      await second.goto('/');
      await untilLive(second);
      const elsewhere = second.getByRole('status', { name: 'This run is running in another tab' });
      await expect(elsewhere).toBeVisible({ timeout: 15_000 });
      // The watching tab follows the run as the first one saves it.
      await expect(
        second
          .getByRole('list', { name: 'Jobs' })
          .getByRole('listitem', { name: /: succeeded$/ })
          .first(),
      ).toBeVisible({ timeout: 20_000 });
      await expect(second.getByRole('button', { name: 'Pause' })).toHaveCount(0);

      // The first tab goes away mid-run: the second takes over by itself.
      await page.close();
      await expect(elsewhere).toBeHidden({ timeout: 15_000 });
      const done = second.getByLabel('Run: Done', { exact: true });
      const attention = second.getByLabel('Run: Needs attention');
      await expect(done.or(attention)).toBeVisible({ timeout: 60_000 });
      // A job the closed tab had on the wire without an answer waits for the user, unsent.
      const unsure = await second.getByRole('button', { name: /^Send again job \d+$/ }).count();
      expect([...submissions.values()].every((count) => count === 1)).toBe(true);
      // Every job went out once, but an unsure one may never have left (the tab closed between
      // its mark and its POST): it is the user's to send, so it may be missing here.
      expect(submissions.size).toBeGreaterThanOrEqual(10 - unsure);
      expect(submissions.size).toBeLessThanOrEqual(10);
      // Nothing lost: every other document's result is in.
      await expect(
        second.getByRole('region', { name: 'Run', exact: true }).getByText(/ documents · /),
      ).toHaveText(new RegExp(`^${250 - unsure * 25} / 250 documents`));
    } finally {
      await service.close();
    }
  });
});

test.describe('the run in the page header', () => {
  test('says "Run needs attention" when a job was refused, and brings the run into view', async ({
    app,
    page,
    service,
  }) => {
    service.faults.inject({ kind: 'quota', path: '/analyze-text/jobs', method: 'POST' });
    await app.fill({ Endpoint: service.origin, Key: DEMO_KEY });
    test.setTimeout(60_000);
    await app.documents(tickets(3));
    await app.submit();
    const header = page.getByRole('banner');
    const status = header.getByRole('button', { name: 'Run needs attention' });
    await expect(status).toBeVisible({ timeout: 15_000 });
    await expect(header.getByRole('status')).toContainText('Run needs attention');
    await page.evaluate(() => window.scrollTo(0, 0));
    await status.click();
    await expect(page.getByRole('heading', { name: 'Run', exact: true })).toBeInViewport();
  });
});
