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
    await app.submit();
    await expect(page.getByLabel(/^Status:/)).toHaveCount(0);
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
