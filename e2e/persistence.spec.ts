import { DEMO_KEY, expect, test } from './fixtures';

test.describe('nothing is lost to a reload', () => {
  test('a reload while polling comes back to the same job and resumes once the key is there', async ({
    app,
    page,
  }) => {
    await app.submit();
    const jobPanel = page.getByRole('region', { name: 'Job' });
    const jobId = jobPanel.getByText(/^[0-9a-f-]{36}$/);
    await expect(jobId).toBeVisible();
    const id = await jobId.textContent();
    await page.reload();

    await expect(jobPanel.getByText(id ?? 'missing')).toBeVisible();
    await expect(page.getByText(/and its key to resume following this job/)).toBeVisible();
    await expect(app.field('Key')).toHaveValue('');
    await app.field('Key').fill(DEMO_KEY);
    await expect(app.status('succeeded')).toBeVisible();
    await expect(jobPanel.getByText(id ?? 'missing')).toBeVisible();
    await expect(page.getByRole('img', { name: 'Confidence for doc1' })).toBeVisible();
  });

  test('every submitted job is listed with its status and can be opened again', async ({
    app,
    page,
  }) => {
    await app.submit();
    await expect(app.status('succeeded')).toBeVisible();
    await app.field('Deployment name').fill('staging');
    await app.submit();
    await expect(app.status('failed')).toBeVisible();
    await page.reload();
    await app.field('Key').fill(DEMO_KEY);

    const history = page.getByRole('table', { name: 'Recent jobs' });
    await expect(history.getByRole('row')).toHaveCount(3);
    await expect(history.getByText('succeeded')).toBeVisible();
    await expect(history.getByText('failed')).toBeVisible();
    await history
      .getByRole('row')
      .filter({ hasText: 'succeeded' })
      .getByRole('button', { name: /^Open job/ })
      .click();
    await expect(app.status('succeeded')).toBeVisible();
    await expect(app.row('doc5')).toBeVisible();
  });
});
