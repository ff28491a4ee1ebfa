import { DEMO_KEY, expect, HTTP_SERVICE, test } from './fixtures';

const tickets = (count: number) =>
  Array.from({ length: count }, (_, index) =>
    index % 2 === 0
      ? `Ticket ${index + 1}: I was charged twice, please refund my invoice.`
      : `Ticket ${index + 1}: the app crashes with an error on start.`,
  );

test.describe('batches', () => {
  test('60 documents go out as 3 jobs, and every result lands in one table', async ({
    app,
    page,
  }) => {
    await app.documents(tickets(60));
    await expect(page.getByText(/60 documents · .* sent as 3 jobs/)).toBeVisible();
    await app.submit();

    const jobs = page.getByRole('list', { name: 'Jobs' });
    await expect(jobs.getByRole('listitem')).toHaveCount(3);
    await expect(page.getByLabel('Run: Done', { exact: true })).toBeVisible({ timeout: 20_000 });
    await expect(page.getByText('60 / 60 documents · 3 / 3 jobs')).toBeVisible();
    await expect(page.getByText(/Showing 60 of 60|60 documents/).first()).toBeVisible();
    await expect(app.row('doc60')).toContainText('TechnicalIssue');
    await expect(app.row('doc1')).toContainText('Billing');
  });

  test('pause holds back the jobs not yet sent, resume sends them', async ({ app, page }) => {
    await app.fill({ Endpoint: HTTP_SERVICE, Key: DEMO_KEY });
    await app.documents(tickets(250));
    await app.submit();
    await page.getByRole('button', { name: 'Pause' }).click();
    await expect(page.getByLabel('Run: Paused')).toBeVisible();
    const jobs = page.getByRole('list', { name: 'Jobs' });
    await expect(jobs.getByRole('listitem', { name: /: queued$/ }).first()).toBeVisible();
    await page.getByRole('button', { name: 'Resume' }).click();
    await expect(page.getByLabel('Run: Done', { exact: true })).toBeVisible({ timeout: 40_000 });
    await expect(page.getByText('250 / 250 documents · 10 / 10 jobs')).toBeVisible();
  });

  test('cancel drops what is queued and cancels what runs', async ({ app, page }) => {
    await app.fill({ Endpoint: HTTP_SERVICE, Key: DEMO_KEY });
    await app.documents(tickets(250));
    await app.submit();
    await page.getByRole('button', { name: 'Cancel run' }).click();
    // It asks first: nothing is cancelled until the dialog is confirmed.
    const dialog = page.getByRole('dialog', { name: 'Cancel this run?' });
    await dialog.getByRole('button', { name: 'Cancel run' }).click();
    await expect(page.getByLabel('Run: Cancelled')).toBeVisible();
    const jobs = page.getByRole('list', { name: 'Jobs' });
    await expect(jobs.getByRole('listitem', { name: /: cancelled$/ }).first()).toBeVisible({
      timeout: 20_000,
    });
  });
});

test('one job the service refuses does not stop the others, and is sent again alone', async ({
  app,
  page,
  service,
}) => {
  service.faults.inject({ kind: 'server-error', path: '/analyze-text/jobs', method: 'POST' });
  await app.fill({ Endpoint: service.origin, Key: DEMO_KEY });
  await app.documents(tickets(75));
  await app.submit();

  const attention = page.getByRole('table', { name: 'Jobs that need attention' });
  await expect(attention).toContainText('Internal server error');
  await expect(page.getByText('50 / 75 documents · 2 / 3 jobs · 25 failed')).toBeVisible({
    timeout: 20_000,
  });
  await attention.getByRole('button', { name: /^Retry job/ }).click();
  await expect(page.getByLabel('Run: Done', { exact: true })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText('75 / 75 documents · 3 / 3 jobs')).toBeVisible();
  await expect(attention).toHaveCount(0);
});
