import { DEMO_KEY, expect, HTTP_SERVICE, test } from './fixtures';

/** The same simulated service, but over real HTTP on loopback: real CORS, preflights and headers. */
test.describe('against a real HTTP endpoint', () => {
  test('GA single label, cross-origin with the exposed operation-location', async ({
    app,
    page,
    request,
  }) => {
    // Playwright does not report preflights; the service counts the ones it answers.
    const preflights = async () => {
      const stats: unknown = await (await request.get(`${HTTP_SERVICE}/__stats`)).json();
      return typeof stats === 'object' && stats !== null && 'preflights' in stats
        ? Number(stats.preflights)
        : 0;
    };
    const preflightsBefore = await preflights();
    await app.connect(`${HTTP_SERVICE}/`);
    await app.documents([
      'Please refund the double charge on my invoice.',
      'The app shows an error and crashes on start.',
    ]);
    await app.submit();

    await expect(app.status('succeeded')).toBeVisible();
    await expect(app.row('doc1')).toContainText('Billing');
    await expect(app.row('doc2')).toContainText('TechnicalIssue');
    await expect(page.getByRole('img', { name: 'Confidence for doc2' })).toBeVisible();
    // The key header makes every call a CORS preflight: proof that the calls really crossed origins.
    expect(await preflights()).toBeGreaterThan(preflightsBefore);
  });

  test('the preview API over HTTP, multi label', async ({ app, page }) => {
    await app.apiVersion().selectOption('v3.1-preview.ct.1');
    await page.getByText('Multi label', { exact: true }).click();
    await app.fill({
      Endpoint: HTTP_SERVICE,
      Key: DEMO_KEY,
      'Model ID': 'd3m0c0de-5eed-4a11-9c1a-000000000002_MultiClassification_latest',
    });
    await app.documents(['Astronauts on a ship near a black hole are hunted by an alien.']);
    await app.submit();

    await expect(app.status('completed')).toBeVisible();
    await expect(app.row('doc1')).toContainText('SciFi');
  });

  test('the newest preview over HTTP: each document’s detected language in its column', async ({
    app,
    page,
  }) => {
    await app.apiVersion().selectOption('2025-11-15-preview');
    await app.connect(HTTP_SERVICE);
    await app.fill({ Language: 'en' });
    await app.documents([
      'Please refund the double charge on my invoice.',
      'La aplicación se cierra y no es la primera vez que me pasa con la factura.',
    ]);
    await app.submit();

    await expect(app.status('succeeded')).toBeVisible();
    await expect(
      app.results().getByRole('columnheader', { name: 'Detected language' }),
    ).toBeVisible();
    await expect(app.row('doc1')).toContainText('English');
    await expect(app.row('doc2')).toContainText('Spanish');
    await expect(app.row('doc1')).toContainText('Billing');
    await expect(page.getByRole('img', { name: 'Confidence for doc1' })).toBeVisible();
  });

  test('a version the resource does not offer is said plainly, the previous one a click away', async ({
    app,
    page,
    service,
  }) => {
    test.slow();
    // This resource answers 2025-11-15-preview as the service answers any version it lacks.
    service.faults.inject({
      kind: 'version-unavailable',
      query: 'api-version=2025-11-15-preview',
      times: 20,
    });
    await app.apiVersion().selectOption('2025-11-15-preview');
    await app.connect(service.origin);
    await app.documents(['Please refund the double charge on my invoice.']);
    await app.submit();

    const notice = page
      .getByRole('alert')
      .filter({ hasText: 'API version 2025-11-15-preview is not available on this resource' });
    await expect(notice).toBeVisible();
    await expect(notice).toContainText('404 Resource not found');
    await page.getByRole('button', { name: 'Use 2025-11-01 and send again' }).click();

    await expect(app.apiVersion()).toHaveValue('2025-11-01');
    // A second run in one test: more time for it on a busy machine.
    await expect(app.status('succeeded')).toBeVisible({ timeout: 30_000 });
    await expect(app.row('doc1')).toContainText('Billing');
    // 2025-11-01 is GA: no detected language, so no column for it.
    await expect(
      app.results().getByRole('columnheader', { name: 'Detected language' }),
    ).toHaveCount(0);
  });

  test('pages of 20 are all read: 25 documents come back', async ({ app }) => {
    await app.connect(HTTP_SERVICE);
    await app.documents(
      Array.from({ length: 25 }, (_, index) => `My invoice number ${index + 1} was charged twice.`),
    );
    await app.submit();
    await expect(app.status('succeeded')).toBeVisible();
    await expect(app.results().getByRole('row')).toHaveCount(26);
    await expect(app.row('doc25')).toContainText('Billing');
  });

  test('an unknown project is reported, with a hint about case', async ({ app, page }) => {
    await app.fill({
      Endpoint: HTTP_SERVICE,
      Key: DEMO_KEY,
      'Project name': 'supporttickets',
      'Deployment name': 'production',
    });
    await app.submit();
    await expect(app.status('failed')).toBeVisible();
    await expect(page.getByRole('alert')).toContainText('case-sensitive');
  });
});
