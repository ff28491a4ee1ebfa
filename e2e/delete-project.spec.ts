import type { Page } from '@playwright/test';
import { startServiceServer } from '../scripts/service-server';
import { DEMO_ENDPOINT, DEMO_KEY, expect, test, type ConsolePage } from './fixtures';

const GA_PROJECTS = '/language/authoring/analyze-text/projects';
const PREVIEW_PROJECTS = '/language/text/authoring/v1.0-preview.2/projects';

/** Every DELETE the page sends: the request itself is the contract of a deletion. */
function recordDeletes(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'DELETE') urls.push(request.url());
  });
  return urls;
}

function deleteButton(page: Page) {
  return page.getByRole('button', { name: 'Delete project', exact: true });
}

/** Opens the dialog, types the name and confirms. */
async function deleteProject(page: Page, projectName: string) {
  await deleteButton(page).click();
  const dialog = page.getByRole('dialog', { name: `Delete project ${projectName}?` });
  await dialog.getByRole('textbox', { name: 'Type the project name to confirm' }).fill(projectName);
  await dialog.getByRole('button', { name: 'Delete project' }).click();
  await expect(dialog).toBeHidden();
}

function deleted(page: Page, projectName: string) {
  return page.getByRole('status', { name: `Project ${projectName} deleted` });
}

/** Status lines of the deletion (the form's own, such as suggestions from the resource, aside). */
// In the page's main part: the header's run status is about runs, not deletions.
const deletionStatus = (page: Page) =>
  page
    .getByRole('main')
    .getByRole('status')
    .filter({ hasText: /\S/ })
    .filter({ hasNotText: 'Suggestions from this resource' });

test.describe('on the demo service', () => {
  test('GA: the dialog names what goes, wants the exact name, and the deletion is followed', async ({
    app,
    page,
  }) => {
    const deletes = recordDeletes(page);
    await page.getByRole('button', { name: 'Try the demo' }).click();
    await expect(app.field('Project name')).toHaveValue('SupportTickets');

    await deleteButton(page).click();
    const dialog = page.getByRole('dialog', { name: 'Delete project SupportTickets?' });
    await expect(dialog).toContainText('permanently deletes the project SupportTickets');
    await expect(dialog).toContainText('demo.classify-console.invalid');
    await expect(dialog).toContainText('models and deployments');
    await expect(dialog).toContainText('cannot be undone');

    const confirm = dialog.getByRole('button', { name: 'Delete project' });
    const typed = dialog.getByRole('textbox', { name: 'Type the project name to confirm' });
    await expect(confirm).toBeDisabled();
    await typed.fill('supporttickets');
    await expect(confirm).toBeDisabled();
    await typed.fill('SupportTicket');
    await expect(confirm).toBeDisabled();
    await typed.fill('SupportTickets');
    await expect(confirm).toBeEnabled();
    // The job's status shows while it runs, which on the demo can be shorter than an assertion's
    // poll on a busy machine: watched from before the click, in every frame.
    const statusShown = page.waitForFunction(
      () =>
        [...document.querySelectorAll('[aria-label^="Deletion status: "]')].some((element) =>
          element.checkVisibility(),
        ),
      undefined,
      { polling: 'raf', timeout: 15_000 },
    );
    await confirm.click();

    await expect(dialog).toBeHidden();
    await statusShown;
    await expect(deleted(page, 'SupportTickets')).toBeVisible();
    await expect(page.getByRole('progressbar', { name: 'Deletion progress' })).toHaveCount(0);
    expect(deletes).toEqual([
      `${DEMO_ENDPOINT}${GA_PROJECTS}/SupportTickets?api-version=2023-04-01`,
    ]);
  });

  test('Cancel closes the dialog and sends nothing: the project still classifies', async ({
    app,
    page,
  }) => {
    const deletes = recordDeletes(page);
    await page.getByRole('button', { name: 'Try the demo' }).click();
    await deleteButton(page).click();
    const dialog = page.getByRole('dialog', { name: 'Delete project SupportTickets?' });
    await dialog
      .getByRole('textbox', { name: 'Type the project name to confirm' })
      .fill('SupportTickets');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();

    // A job on the same project, after the cancel: it succeeds, and no DELETE went out before it.
    await app.submit();
    await expect(app.status('succeeded')).toBeVisible();
    expect(deletes).toEqual([]);
    await expect(deletionStatus(page)).toHaveCount(0);

    // Opening again starts from an empty field.
    await deleteButton(page).click();
    await expect(
      page.getByRole('textbox', { name: 'Type the project name to confirm' }),
    ).toHaveValue('');
  });

  test('a deleted project is not found until the demo is reset', async ({ app, page }) => {
    await page.getByRole('button', { name: 'Try the demo' }).click();
    await deleteProject(page, 'SupportTickets');
    await expect(deleted(page, 'SupportTickets')).toBeVisible();

    await deleteProject(page, 'SupportTickets');
    const notFound = page.getByRole('alert', { name: 'Could not delete project SupportTickets' });
    await expect(notFound).toContainText('The specified project was not found.');
    await expect(notFound).toContainText('ProjectNotFound');
    await expect(notFound).toContainText('check the exact spelling and case');
    await expect(deletionStatus(page)).toHaveCount(0);

    // Classifying with the deleted project fails as well…
    await app.submit();
    await expect(app.status('failed')).toBeVisible();
    await expect(page.getByRole('alert', { name: 'Job failed' })).toContainText('SupportTickets');

    // …until Try the demo brings it back.
    await page.getByRole('button', { name: 'Try the demo' }).click();
    await app.submit();
    await expect(app.status('succeeded')).toBeVisible();
  });

  test('the preview API deletes through its own authoring path', async ({ app, page }) => {
    const deletes = recordDeletes(page);
    await app.chooseDemo('Single label, preview API (model ID)');
    await expect(app.apiVersion()).toHaveValue('v3.1-preview.ct.1');
    await expect(app.field('Project name')).toHaveValue('SupportTickets');

    await deleteProject(page, 'SupportTickets');
    await expect(deleted(page, 'SupportTickets')).toBeVisible();
    expect(deletes).toEqual([`${DEMO_ENDPOINT}${PREVIEW_PROJECTS}/SupportTickets`]);
  });

  test('the button waits for an endpoint, a key and a project name', async ({ app, page }) => {
    await expect(deleteButton(page)).toBeEnabled();
    await app.field('Project name').fill('');
    await expect(deleteButton(page)).toBeDisabled();
    await expect(page.getByText('Enter the endpoint, key and project name')).toBeVisible();
    await app.field('Project name').fill('MovieGenres');
    await app.field('Key').fill('');
    await expect(deleteButton(page)).toBeDisabled();
  });
});

test.describe('against a real HTTP endpoint of its own', () => {
  // Its own server, so deleting projects does not disturb specs sharing the one on port 4010.
  let service: Awaited<ReturnType<typeof startServiceServer>>;
  test.beforeAll(async () => {
    service = await startServiceServer({ port: 0 });
  });
  test.afterAll(async () => {
    await service.close();
  });
  test.beforeEach(() => {
    service.state.reset();
    service.faults.clear();
  });

  async function connect(app: ConsolePage, projectName: string) {
    await app.fill({ Endpoint: service.origin, Key: DEMO_KEY, 'Project name': projectName });
  }

  test('GA 2024-11-01 deletes through authoring 2023-04-01; the key goes only to the endpoint', async ({
    app,
    page,
  }) => {
    const deletes = recordDeletes(page);
    const keyedOrigins = new Set<string>();
    page.on('request', (request) => {
      if (request.headers()['ocp-apim-subscription-key']) {
        keyedOrigins.add(new URL(request.url()).origin);
      }
    });
    await app.apiVersion().selectOption('2024-11-01');
    await connect(app, 'MovieGenres');

    await deleteProject(page, 'MovieGenres');
    await expect(deleted(page, 'MovieGenres')).toBeVisible();
    expect(deletes).toEqual([`${service.origin}${GA_PROJECTS}/MovieGenres?api-version=2023-04-01`]);
    // The demo the page opened on got its own demo key; the user's endpoint got theirs.
    expect([...keyedOrigins].filter((origin) => origin !== DEMO_ENDPOINT)).toEqual([
      service.origin,
    ]);
    expect(service.state.isProjectAvailable('MovieGenres')).toBe(false);
    expect(service.state.isProjectAvailable('SupportTickets')).toBe(true);
  });

  test('the preview API over HTTP', async ({ app, page }) => {
    await app.apiVersion().selectOption('v3.1-preview.ct.1');
    await connect(app, 'SupportTickets');
    await deleteProject(page, 'SupportTickets');
    await expect(deleted(page, 'SupportTickets')).toBeVisible();
    expect(service.state.isProjectAvailable('SupportTickets')).toBe(false);
  });

  test('a name in the wrong case is not found, and nothing is deleted', async ({ app, page }) => {
    await connect(app, 'supporttickets');
    await deleteProject(page, 'supporttickets');
    const notFound = page.getByRole('alert', { name: 'Could not delete project supporttickets' });
    await expect(notFound).toContainText('The specified project was not found.');
    await expect(notFound).toContainText('case-sensitive');
    expect(service.state.isProjectAvailable('SupportTickets')).toBe(true);
  });

  test('a throttled DELETE is retried after Retry-After, visibly', async ({ app, page }) => {
    const deletes = recordDeletes(page);
    // Three seconds: the notice must stay long enough to be seen on a busy machine.
    service.faults.inject({ kind: 'throttle', method: 'DELETE', retryAfterSeconds: 3 });
    await connect(app, 'SupportTickets');
    await deleteProject(page, 'SupportTickets');
    await expect(deletionStatus(page)).toContainText('Throttled by the service, retrying');
    await expect(deleted(page, 'SupportTickets')).toBeVisible();
    expect(deletes).toHaveLength(2);
  });

  test('a preview answer with no job to follow is reported as accepted', async ({ app, page }) => {
    await page.context().route(`${service.origin}${PREVIEW_PROJECTS}/**`, (route) =>
      route.fulfill({
        status: 202,
        headers: { 'Access-Control-Allow-Origin': '*' },
      }),
    );
    await app.apiVersion().selectOption('v3.1-preview.ct.1');
    await connect(app, 'SupportTickets');
    await deleteProject(page, 'SupportTickets');
    const status = page.getByRole('status', { name: 'Deletion accepted' });
    await expect(status).toContainText(
      'Deletion of project SupportTickets accepted (HTTP 202); the service gave no job to follow.',
    );
  });
});

test('after a deletion the project picker no longer offers the deleted project', async ({
  app,
  page,
}) => {
  await page.getByRole('button', { name: 'Try the demo' }).click();
  const project = app.field('Project name');
  await project.fill('');
  await project.click();
  await expect(page.getByRole('option', { name: /SupportTickets/ })).toBeVisible();
  await page.keyboard.press('Escape');
  await project.fill('SupportTickets');

  await deleteProject(page, 'SupportTickets');
  await expect(deleted(page, 'SupportTickets')).toBeVisible();
  await project.fill('');
  await project.click();
  await expect(page.getByRole('option', { name: /MovieGenres/ })).toBeVisible();
  await expect(page.getByRole('option', { name: /SupportTickets/ })).toHaveCount(0);
});
