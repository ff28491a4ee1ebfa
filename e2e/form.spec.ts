import { expect, test } from './fixtures';

test.describe('the form', () => {
  test('refuses an endpoint that is not https before the key goes anywhere', async ({
    app,
    page,
  }) => {
    let requests = 0;
    page.on('request', (request) => {
      if (request.url().includes('example.com')) requests++;
    });
    await app.field('Endpoint').fill('http://example.com');
    await expect(page.getByText('Use https://')).toBeVisible();
    await app.submit();
    await expect(page.getByLabel(/^Status:/)).toHaveCount(0);
    expect(requests).toBe(0);
  });

  test('counts characters as text elements', async ({ app, page }) => {
    await app.documents(['café 👍🏽', 'second']);
    await expect(page.getByText('2 documents · 12 characters · one job')).toBeVisible();
  });

  test('refuses control characters next to the field, and sends nothing', async ({ app, page }) => {
    await app.documents(['fine', 'bad\u0007bell']);
    await expect(page.getByText(/doc2 contains a control character \(U\+0007\)/)).toBeVisible();
    const submit = page.getByRole('button', { name: 'Submit job' });
    await expect(submit).toBeDisabled();
    await expect(submit).toHaveAccessibleDescription(
      'A document contains a control character: remove it to submit.',
    );
    await app.field('Documents').press('Control+Enter');
    await expect(page.getByLabel(/^Status:/)).toHaveCount(0);
  });

  test('says before Submit when the documents cannot be sent, and Submit waits', async ({
    app,
    page,
  }) => {
    const submit = page.getByRole('button', { name: 'Submit job' });
    await app.field('Documents').fill('');
    await expect(
      page.getByText('0 documents · nothing to send: add at least one document'),
    ).toBeVisible();
    await expect(submit).toBeDisabled();
    await expect(page.getByText('Add at least one document to submit.')).toBeVisible();
    await expect(submit).toHaveAccessibleDescription('Add at least one document to submit.');

    await app.field('Documents').fill('x'.repeat(130_000));
    await expect(
      page.getByText(
        '1 document · 130,000 characters · nothing to send: doc1 is over 125,000 characters, more than a job holds',
      ),
    ).toBeVisible();
    await expect(submit).toHaveAccessibleDescription(
      'The document is over 125,000 characters: shorten or split it to submit.',
    );
    // Ctrl+Enter is off as well.
    await app.field('Documents').press('Control+Enter');
    await expect(page.getByLabel(/^Status:/)).toHaveCount(0);

    // A document that fits next to it goes; the long one is named before Submit.
    await app.field('Documents').fill(`A short ticket.\n\n${'x'.repeat(130_000)}`);
    await expect(
      page.getByText(/· one job .* · doc2 is over 125,000 characters and will not be sent$/),
    ).toBeVisible();
    await expect(submit).toBeEnabled();
    await expect(page.getByText('Ctrl/⌘ + Enter submits')).toBeVisible();
  });

  test('Ctrl+Enter inside the Delete project dialog submits nothing behind it', async ({
    app,
    page,
  }) => {
    let submits = 0;
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().includes('/analyze-text/jobs')) submits++;
    });
    await page.getByRole('button', { name: 'Delete project', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete project SupportTickets?' });
    const typed = dialog.getByRole('textbox', { name: 'Type the project name to confirm' });
    await typed.fill('Support');
    await typed.press('Control+Enter');
    // Not even with the exact name typed: Enter or the button confirm, Ctrl+Enter does nothing.
    await typed.fill('SupportTickets');
    await typed.press('Control+Enter');
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByLabel(/^Status:/)).toHaveCount(0);
    await expect(page.getByLabel(/^Deletion status:/)).toHaveCount(0);

    // Outside the dialog it submits, once.
    await app.field('Documents').press('Control+Enter');
    await expect(app.status('succeeded')).toBeVisible();
    expect(submits).toBe(1);
  });

  test('keeps settings and documents across a reload, but not the key unless asked', async ({
    app,
    page,
  }) => {
    await app.fill({
      Endpoint: 'https://myres.cognitiveservices.azure.com',
      Key: 'secret-123',
      'Project name': 'Tickets',
      'Deployment name': 'prod',
      Language: 'fr',
      'Job name': 'Weekly',
    });
    await app.apiVersion().selectOption('2024-11-01');
    await page.getByText('Multi label', { exact: true }).click();
    await app.documents(['Un', 'Deux']);
    await page.reload();

    await expect(app.field('Endpoint')).toHaveValue('https://myres.cognitiveservices.azure.com');
    await expect(app.field('Project name')).toHaveValue('Tickets');
    await expect(app.field('Deployment name')).toHaveValue('prod');
    await expect(app.field('Language')).toHaveValue('fr');
    await expect(app.field('Job name')).toHaveValue('Weekly');
    await expect(app.apiVersion()).toHaveValue('2024-11-01');
    await expect(page.getByRole('radio', { name: 'Multi label' })).toBeChecked();
    await expect(app.field('Documents')).toHaveValue('Un\n\nDeux');
    await expect(app.field('Key')).toHaveValue('');
    expect(page.url()).not.toContain('secret');

    await app.field('Key').fill('secret-123');
    await page.getByLabel('Remember key on this device').check();
    await page.reload();
    await expect(app.field('Key')).toHaveValue('secret-123');

    await page.getByRole('button', { name: 'Forget key' }).click();
    await page.reload();
    await expect(app.field('Key')).toHaveValue('');
  });
});
