import { readFile } from 'node:fs/promises';
import { ContainerClient } from '@azure/storage-blob';
import type { Page } from '@playwright/test';
import { startAzurite } from '../scripts/azurite';
import { startServiceServer, type ServiceExchange } from '../scripts/service-server';
import { DEMO_LABELLED_TICKETS } from '../src/demo/demo-labelled-tickets';
import { projectFileSchema } from '../src/service/project-file';
import { DEMO_KEY, expect, test } from './fixtures';
import { APP_PORT } from './ports';

/** Five corrections, each to a class other than the ticket's gold label. */
const CORRECTIONS: readonly { id: string; label: string }[] = [
  { id: 'ticket02', label: 'Account' },
  { id: 'ticket03', label: 'Shipping' },
  { id: 'ticket04', label: 'Feedback' },
  { id: 'ticket10', label: 'Account' },
  { id: 'ticket11', label: 'Billing' },
];

/**
 * The loop end to end with nothing mocked in between: the app in Chromium, `npm run service` over
 * HTTP and a real Azurite as the resource's storage account (the browser uploads to it with CORS).
 * On the way: a 403 from storage, a failed training and a 429 from authoring each leave the project
 * as it was and say why; a reload during the import and during the deployment follows the saved
 * job again and sends nothing twice.
 */
test('improve the model against the HTTP service and Azurite: 5 corrections reach production', async ({
  app,
  page,
}) => {
  test.setTimeout(180_000);
  const azurite = await startAzurite({
    containers: ['support-tickets'],
    corsOrigins: [`http://127.0.0.1:${APP_PORT}`],
  });
  const sas = azurite.containerSasUrl('support-tickets');
  const exchanges: ServiceExchange[] = [];
  // Quick jobs: the app's own polling, not the simulated service's clock, sets the pace.
  const service = await startServiceServer({
    port: 0,
    storageSasUrl: sas,
    timing: { queuedMs: 50, runMs: 300, authoringMs: 1_500, trainMs: 1_000 },
    onExchange: (exchange) => exchanges.push(exchange),
  });
  const sent = (method: string, path: RegExp) =>
    exchanges.filter((exchange) => exchange.method === method && path.test(exchange.url)).length;
  /** After a reload, the job the one write was given is read again, from where it was saved. */
  const followedAgain = (method: string, path: RegExp, reloadedAt: number) => {
    const [write] = exchanges.filter(
      (exchange) => exchange.method === method && path.test(exchange.url),
    );
    const job = write?.operationLocation ? new URL(write.operationLocation) : undefined;
    return exchanges
      .slice(reloadedAt)
      .some(
        (exchange) =>
          exchange.method === 'GET' &&
          job !== undefined &&
          exchange.url === job.pathname + job.search,
      );
  };
  try {
    const project = () => {
      const found = service.state.authoring.project('SupportTickets');
      if (!found) throw new Error('SupportTickets is gone');
      return found;
    };
    /** What the project holds, as its export would list it: each document's location and labels. */
    const holds = () =>
      project().documents.map(({ location, labels }) => ({ location, labels: [...labels] }));
    const models = () => project().models.map(({ label }) => label);
    const before = holds();
    const modelsBefore = models();
    const productionBefore = deployedOn(project(), 'production') ?? 'none';
    const blobsBefore = await blobNames(sas);

    await app.connect(service.origin);
    await app.runLabelledTickets(30_000);
    // The review with the mouse: on a loaded machine a key may reach the page before the panel.
    for (const { id, label } of CORRECTIONS) {
      await app.results().getByRole('button', { name: id, exact: true }).click();
      const review = page.getByRole('region', { name: id });
      await review.getByRole('button', { name: new RegExp(`^\\d ${label}$`) }).click();
      await expect(review).toContainText(`Corrected label: ${label}`);
    }

    const region = page.getByRole('region', { name: 'Improve the model' });
    await expect(region.getByLabel('Summary')).toContainText('5 documents (5 corrected)');
    // A SAS whose signature the storage account refuses: 403 on the first blob.
    const refused = new URL(sas);
    refused.searchParams.set('sig', Buffer.alloc(32, 7).toString('base64'));
    await region.getByLabel('Container SAS URL').fill(refused.toString());
    await region.getByRole('button', { name: 'Read the project' }).click();
    await expect(region).toContainText(/5 added, 0 relabelled, \d+ unchanged/, { timeout: 30_000 });
    await addToTrainingData(page);
    await expect(region.getByRole('alert')).toContainText(
      'The documents could not all be uploaded. The project was not changed.',
    );
    await expect(region.getByRole('alert')).toContainText('The storage account refused the SAS');
    expect(holds()).toEqual(before);
    expect(await blobNames(sas)).toEqual(blobsBefore);
    expect(sent('POST', /\/:import\?/)).toBe(0);

    // With the right SAS; a reload while the import runs follows the same job again.
    await region.getByLabel('Container SAS URL').fill(sas);
    await addToTrainingData(page);
    await expect(region.getByText(/^Import: (notStarted|running)…$/)).toBeVisible({
      timeout: 30_000,
    });
    const importReloadedAt = exchanges.length;
    await page.reload();
    // The export taken before the import is kept with the run: offered before the key is back.
    const previous = region.getByRole('button', { name: 'Download previous project file' });
    await expect(previous).toBeVisible();
    await app.fill({ Key: DEMO_KEY });
    await expect(region.getByText('Imported: the project holds the merged documents.')).toBeVisible(
      { timeout: 30_000 },
    );
    expect(sent('POST', /\/:import\?/)).toBe(1);
    expect(followedAgain('POST', /\/:import\?/, importReloadedAt)).toBe(true);

    // Every document the project held stays with its label; the five corrected ones are added
    // with their corrected labels; nothing else changed.
    const after = holds();
    expect(after.slice(0, before.length)).toEqual(before);
    const added = project().documents.slice(before.length);
    expect(
      added.map(({ text, labels }) => ({
        id: DEMO_LABELLED_TICKETS.find((ticket) => ticket.text === text)?.id,
        labels,
      })),
    ).toEqual(CORRECTIONS.map(({ id, label }) => ({ id, labels: [label] })));
    expect(await blobNames(sas)).toEqual(
      [...blobsBefore, ...added.map(({ location }) => location)].sort(),
    );
    // The file to roll back with is the project as it was.
    const download = page.waitForEvent('download');
    await previous.click();
    const file = projectFileSchema.parse(
      JSON.parse(await readFile(await (await download).path(), 'utf8')),
    );
    expect(
      (file.assets?.documents ?? []).map(({ location, class: label }) => ({
        location,
        labels: label ? [label.category] : [],
      })),
    ).toEqual(before);

    // A training the service fails leaves the project as it was, and says why.
    service.state.authoring.failNextTraining({
      code: 'InternalServerError',
      message: 'No training capacity in this region right now.',
    });
    await region.getByRole('button', { name: 'Train model' }).click();
    const trainingFailed = region
      .getByRole('alert')
      .filter({ hasText: 'Training did not finish.' });
    await expect(trainingFailed).toContainText('No training capacity in this region right now.', {
      timeout: 30_000,
    });
    expect(models()).toEqual(modelsBefore);
    expect(holds()).toEqual(after);

    // Throttled (429 with Retry-After): waited out where the user sees it, then trained.
    service.faults.inject({
      kind: 'throttle',
      path: '/:train',
      method: 'POST',
      retryAfterSeconds: 2,
    });
    await region.getByRole('button', { name: 'Train model' }).click();
    await expect(region.getByText(/slow down \(HTTP 429\): going on in \d+ s/)).toBeVisible();
    await expect(region.getByText(/^Model model-\d+ is trained\.$/)).toBeVisible({
      timeout: 30_000,
    });
    expect(service.faults.served().map(({ kind }) => kind)).toEqual(['throttle']);
    const trained = project().models.at(-1)?.label ?? '';
    expect(models()).toEqual([...modelsBefore, trained]);
    // The new model beside the one production served when the training was sent.
    await expect(region.getByRole('table', { name: 'Evaluation from training' })).toContainText(
      `Before, on production: ${productionBefore}`,
    );

    // A reload while the deployment runs follows the same job: one PUT.
    await region.getByRole('button', { name: 'Deploy', exact: true }).click();
    await expect(region.getByText(/^Deploying to staging: (notStarted|running)…$/)).toBeVisible({
      timeout: 30_000,
    });
    const deployReloadedAt = exchanges.length;
    await page.reload();
    await app.fill({ Key: DEMO_KEY });
    await expect(region.getByText(`staging now serves ${trained}.`, { exact: false })).toBeVisible({
      timeout: 30_000,
    });
    expect(sent('PUT', /\/deployments\/staging\?/)).toBe(1);
    expect(followedAgain('PUT', /\/deployments\/staging\?/, deployReloadedAt)).toBe(true);

    if (process.env.IMPROVE_SCREENSHOT)
      await region.screenshot({ path: process.env.IMPROVE_SCREENSHOT });

    // Rerun on staging: the new model on these very documents, then Compare with the first run.
    await region.getByRole('button', { name: 'Rerun on staging' }).click();
    await expect(page.getByRole('region', { name: 'Run', exact: true })).toContainText(
      'SupportTickets/staging',
    );
    await expect(page.getByLabel('Run: Done', { exact: true })).toBeVisible({ timeout: 30_000 });
    for (const { id, label } of CORRECTIONS) await expect(app.row(id)).toContainText(label);
    // The first run (on production) is the only other run of these documents. On a busy page the
    // list may open before the rerun's results settle and close again: opened until it is chosen.
    const compareWith = page.getByRole('combobox', { name: 'Compare with' });
    const compare = page.getByRole('region', { name: 'Compare runs' });
    await expect(async () => {
      if ((await compareWith.getAttribute('aria-expanded')) === 'true') await compareWith.click();
      await compareWith.click();
      await page
        .getByRole('listbox', { name: 'Compare with' })
        .getByRole('option')
        .first()
        .click({ timeout: 3_000 });
      await expect(compare.getByRole('table', { name: 'Changes between runs' })).toBeVisible({
        timeout: 3_000,
      });
    }).toPass({ timeout: 30_000 });
    await expect(compare).toContainText(/Agreement: .*of 40 documents in both runs/);

    await region.getByRole('button', { name: 'Swap deployments' }).click();
    const swap = page.getByRole('dialog', { name: 'Swap deployments' });
    await expect(swap).toContainText(`production: ${productionBefore} now, ${trained} after.`);
    await swap.getByLabel(/Type the project name to confirm/).fill('SupportTickets');
    await swap.getByRole('button', { name: 'Swap deployments' }).click();
    await expect(region.getByText(/^Swapped: production and staging/)).toContainText(
      `production now serves ${trained} (was ${productionBefore})`,
      { timeout: 30_000 },
    );
    expect(deployedOn(project(), 'production')).toBe(trained);
    if (process.env.IMPROVE_SCREENSHOT)
      await region.screenshot({ path: process.env.IMPROVE_SCREENSHOT.replace('.png', '-end.png') });
    // Through it all the project's documents are the merge: nothing lost, nothing else changed.
    expect(holds()).toEqual(after);
  } finally {
    await service.close();
    await azurite.stop();
  }
});

/** Add to training data → the dialog's Import. */
async function addToTrainingData(page: Page) {
  const region = page.getByRole('region', { name: 'Improve the model' });
  await region.getByRole('button', { name: 'Add to training data' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add to training data' });
  await expect(dialog).toContainText('5 documents will be added and 0');
  await dialog.getByRole('button', { name: /^Import/ }).click();
}

function deployedOn(
  project: { deployments: readonly { name: string; model: { label: string } }[] },
  name: string,
): string | undefined {
  return project.deployments.find((deployment) => deployment.name === name)?.model.label;
}

async function blobNames(sasUrl: string): Promise<string[]> {
  const names: string[] = [];
  for await (const blob of new ContainerClient(sasUrl).listBlobsFlat()) names.push(blob.name);
  return names.sort();
}
