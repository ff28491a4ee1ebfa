import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { demoAccessToken } from '../src/demo/demo-token';
import { DEMO_KEY, expect, test } from './fixtures';

const run = promisify(execFile);

test.describe('know your resource', () => {
  test('on the demo: pick a project and a deployment, the kind follows, the Model panel shows expiry and training figures', async ({
    app,
    page,
  }) => {
    const project = app.field('Project name');
    await project.fill('');
    await project.click();
    // Classification projects only: the entity-recognition project is left out.
    await expect(page.getByRole('option', { name: /SupportTickets/ })).toBeVisible();
    await expect(page.getByRole('option', { name: /InvoiceFields/ })).toHaveCount(0);
    await page.getByRole('option', { name: /MovieGenres/ }).click();
    await expect(page.getByRole('radio', { name: 'Multi label' })).toBeChecked();

    await project.fill('');
    await project.click();
    await page.getByRole('option', { name: /SupportTickets/ }).click();
    await expect(page.getByRole('radio', { name: 'Single label' })).toBeChecked();
    const deployment = app.field('Deployment name');
    await deployment.fill('');
    await deployment.click();
    await page.getByRole('option', { name: /staging/ }).click();
    await expect(deployment).toHaveValue('staging');

    // A name in the wrong case is flagged before anything is sent.
    await project.fill('supporttickets');
    await expect(page.getByText(/Did you mean SupportTickets\?/)).toBeVisible();
    await project.fill('SupportTickets');
    await deployment.fill('production');
    await page.keyboard.press('Escape');
    const model = page.getByRole('region', { name: 'Model' });
    await expect(model).toContainText('expiring soon');
    await expect(
      model.getByRole('table', { name: 'Evaluation from training, per class' }),
    ).toBeVisible();
    await expect(
      model.getByRole('table', { name: 'Confusion matrix from training' }),
    ).toBeVisible();
  });

  test('over real HTTP: suggestions come from the endpoint itself', async ({
    app,
    page,
    service,
  }) => {
    await app.fill({ Endpoint: service.origin, Key: DEMO_KEY, 'Project name': '' });
    await app.field('Project name').click();
    await expect(page.getByRole('option', { name: /SupportTickets/ })).toBeVisible();
    await page.getByRole('option', { name: /MovieGenres/ }).click();
    await expect(page.getByRole('radio', { name: 'Multi label' })).toBeChecked();
  });

  test('an access token works, and an expired one is refused with a clear message', async ({
    app,
    page,
  }) => {
    await app.chooseDemo('Single label, signed in with an access token');
    await expect(page.getByRole('radio', { name: 'Access token' })).toBeChecked();
    await app.submit();
    await expect(app.status('succeeded')).toBeVisible();

    await app.field('Access token').fill(demoAccessToken(-60));
    await expect(
      page
        .getByRole('alert')
        .filter({ hasText: /expired/i })
        .first(),
    ).toBeVisible();
    await app.submit();
    await expect(
      page.getByRole('alert').filter({ hasText: 'The service refused the access token' }),
    ).toBeVisible();
    await expect(page.getByLabel('Run: Waiting for the key')).toBeVisible();
    // A fresh token lets the run go on by itself.
    await app.field('Access token').fill(demoAccessToken(600));
    await expect(page.getByLabel('Run: Done', { exact: true })).toBeVisible({ timeout: 20_000 });
  });

  test('a copied cURL request runs in bash against the simulated service', async ({
    app,
    page,
    context,
    service,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await app.connect(service.origin);
    await page.getByRole('button', { name: 'Copy request' }).click();
    await page.getByRole('menuitem', { name: 'cURL' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Copied' })).toBeVisible();
    const snippet = await page.evaluate(() => navigator.clipboard.readText());
    expect(snippet).not.toContain(DEMO_KEY);
    const { stdout } = await run('bash', ['-c', snippet], {
      env: { PATH: process.env.PATH ?? '', LANGUAGE_KEY: DEMO_KEY },
      timeout: 30_000,
    });
    expect(stdout).toMatch(/^HTTP\/1\.1 202/m);
    expect(stdout).toContain('succeeded');
  });
});
