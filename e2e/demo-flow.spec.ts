import { expect, test } from './fixtures';

test.describe('on the demo service', () => {
  test('a first visit opens on the demo, and Submit job shows charts (GA, single label)', async ({
    app,
    page,
  }) => {
    await expect(app.field('Endpoint')).toHaveValue('https://demo.classify-console.invalid');
    await page.getByRole('button', { name: 'Try the demo' }).click();
    await app.submit();

    await expect(app.status('succeeded')).toBeVisible();
    await expect(app.results().getByRole('row')).toHaveCount(6);
    await expect(app.row('doc1')).toContainText('Billing');
    await expect(app.row('doc1')).toContainText(/\d{1,3}\.\d%/);
    // The Classes column names the class, the Confidence column gives its bar and percentage.
    // Cells after the row header: Text, Classes, Confidence, Warnings and errors.
    const cells = app.row('doc1').getByRole('cell');
    await expect(cells.nth(1)).toHaveText('Billing');
    await expect(cells.nth(2)).toHaveText(/^\d{1,3}\.\d%$/);
    await expect(app.row('doc2')).toContainText('TechnicalIssue');
    await expect(page.getByRole('img', { name: 'Confidence for doc1' })).toBeVisible();
    await expect(page.getByRole('img', { name: /Documents per top class/ })).toBeVisible();
    await expect(page.getByText('Tasks done')).toBeVisible();
    await expect(page.getByText('1 / 1', { exact: true })).toBeVisible();

    await page.getByRole('button', { name: /Raw JSON/ }).click();
    await expect(page.getByText('"CustomSingleLabelClassificationLROResults"')).toBeVisible();
    await expect(page.locator('body')).not.toContainText('demo-key-0000');
  });

  test('multi label on the GA API shows every class, and "No class" where none fits', async ({
    app,
    page,
  }) => {
    await app.chooseDemo('Multi label, GA API (movie genres)');
    await expect(page.getByRole('radio', { name: 'Multi label' })).toBeChecked();
    await expect(app.field('Project name')).toHaveValue('MovieGenres');
    await app.submit();

    await expect(app.status('succeeded')).toBeVisible();
    await expect(app.row('doc1')).toContainText('Comedy');
    await expect(app.row('doc3')).toContainText('SciFi');
    await expect(app.row('doc5')).toContainText('No class');
    await expect(
      page.getByRole('img', { name: 'Confidence for doc5: no class', exact: true }),
    ).toBeVisible();

    // Several classes: a bar each, level with the names; the detail chart opens in view.
    await expect(page.getByRole('img', { name: /^Confidence for doc1: Comedy \d/ })).toBeVisible();
    await app.row('doc1').click();
    await expect(page.getByRole('img', { name: 'Confidence chart for doc1' })).toBeInViewport({
      ratio: 1,
    });
  });

  test('the preview API with a model ID reaches "completed"', async ({ app, page }) => {
    await app.chooseDemo('Multi label, preview API (model ID)');
    await expect(app.apiVersion()).toHaveValue('v3.1-preview.ct.1');
    await expect(app.field('Model ID')).toHaveValue(/_MultiClassification_latest$/);
    await expect(app.field('Deployment name')).toHaveCount(0);
    await app.submit();

    await expect(app.status('completed')).toBeVisible();
    await expect(app.row('doc4')).toContainText('Romance');
    await expect(page.getByRole('img', { name: 'Confidence for doc4' })).toBeVisible();
  });

  test('Try the demo asks before replacing the user’s own settings', async ({ app, page }) => {
    await app.fill({ Endpoint: 'https://myres.cognitiveservices.azure.com' });
    await app.documents(['My own ticket']);
    await page.getByRole('button', { name: 'Try the demo' }).click();
    const dialog = page.getByRole('dialog', { name: 'Replace your settings with the demo?' });
    await expect(dialog).toContainText('the endpoint https://myres.cognitiveservices.azure.com');
    await expect(dialog).toContainText('the 1 document in the text box');
    // Ctrl+Enter in the dialog does not submit the form behind it.
    await page.keyboard.press('Control+Enter');
    await dialog.getByRole('button', { name: 'Keep my settings' }).click();
    await expect(dialog).toBeHidden();
    await expect(app.field('Endpoint')).toHaveValue('https://myres.cognitiveservices.azure.com');
    await expect(app.field('Documents')).toHaveValue('My own ticket');
    await expect(page.getByLabel(/^Status:/)).toHaveCount(0);

    await app.chooseDemo('Multi label, GA API (movie genres)');
    await dialog.getByRole('button', { name: 'Replace with the demo' }).click();
    await expect(app.field('Endpoint')).toHaveValue('https://demo.classify-console.invalid');
    await expect(page.getByRole('radio', { name: 'Multi label' })).toBeChecked();
    await expect(app.field('Documents')).toHaveValue(/^A clumsy detective/);
  });

  test('a wrong key is explained, and the form keeps what was typed', async ({ app, page }) => {
    await app.field('Key').fill('not-the-key');
    await app.submit();

    const alert = page.getByRole('alert');
    await expect(alert).toContainText('Access denied due to invalid subscription key');
    await expect(alert).toContainText('Check the key');
    await expect(app.field('Key')).toHaveValue('not-the-key');
    await expect(app.field('Documents')).not.toHaveValue('');
  });

  test('a job that fails shows its reason and stops polling', async ({ app, page }) => {
    await app.field('Deployment name').fill('productionn');
    await app.submit();

    await expect(app.status('failed')).toBeVisible();
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('Job failed');
    await expect(alert).toContainText('productionn');
    await expect(alert).toContainText('case-sensitive');
    await expect(page.getByRole('progressbar', { name: 'Documents done' })).toHaveCount(0);
  });

  test('Ctrl+Enter submits from the documents field', async ({ app, page }) => {
    await app.field('Documents').press('Control+Enter');
    await expect(app.status('succeeded')).toBeVisible();
    await expect(page.getByRole('img', { name: 'Confidence for doc5' })).toBeVisible();
  });

  test('Ctrl+Enter right after typing sends what was typed, once the counter has caught up', async ({
    app,
    page,
  }) => {
    // Some 130 keystrokes, typed one by one, the last one just before Ctrl+Enter.
    await app.field('Documents').fill('');
    const texts = Array.from({ length: 12 }, (_, index) => `T${index} refund`);
    await app.field('Documents').pressSequentially(texts.join('\n\n'));
    await app.field('Documents').press('Control+Enter');
    await expect(page.getByLabel('Run: Done', { exact: true })).toBeVisible({ timeout: 20_000 });
    await expect(page.getByText('12 / 12 documents · 1 / 1 jobs')).toBeVisible();
  });
});
