import { ContainerClient } from '@azure/storage-blob';
import { startAzurite } from '../scripts/azurite';
import { startServiceServer } from '../scripts/service-server';
import { DEMO_LABELLED_TICKETS } from '../src/demo/demo-labelled-tickets';
import { expect, test } from './fixtures';
import { APP_PORT } from './ports';

/**
 * The loop end to end with nothing mocked in between: the app in Chromium, `npm run service` over
 * HTTP and a real Azurite as the resource's storage account (the browser uploads to it with CORS).
 */
test('improve the model against the HTTP service and Azurite: the corrected label reaches production', async ({
  app,
  page,
}) => {
  test.setTimeout(120_000);
  const azurite = await startAzurite({
    containers: ['support-tickets'],
    corsOrigins: [`http://127.0.0.1:${APP_PORT}`],
  });
  const sas = azurite.containerSasUrl('support-tickets');
  // Quick jobs: the app's own polling, not the simulated service's clock, sets the pace.
  const service = await startServiceServer({
    port: 0,
    storageSasUrl: sas,
    timing: { queuedMs: 50, runMs: 300, authoringMs: 300, trainMs: 1_000 },
  });
  try {
    const project = () => {
      const found = service.state.authoring.project('SupportTickets');
      if (!found) throw new Error('SupportTickets is gone');
      return found;
    };
    const before = project().documents.map(({ location, labels }) => ({ location, labels }));
    const blobsBefore = await blobNames(sas);

    await app.connect(service.origin);
    await app.runLabelledTickets(30_000);
    // The review with the mouse: on a loaded machine a key may reach the page before the panel.
    await app.results().getByRole('button', { name: 'ticket02', exact: true }).click();
    const review = page.getByRole('region', { name: 'ticket02' });
    await review.getByRole('button', { name: '1 Account' }).click();
    await expect(review).toContainText('Corrected label: Account');
    const ticket02 = DEMO_LABELLED_TICKETS.find(({ id }) => id === 'ticket02');
    if (!ticket02) throw new Error('no ticket02');

    const region = page.getByRole('region', { name: 'Improve the model' });
    await expect(region.getByLabel('Summary')).toContainText('1 document (1 corrected)');
    await region.getByLabel('Container SAS URL').fill(sas);
    await region.getByRole('button', { name: 'Read the project' }).click();
    await expect(region).toContainText(/1 added, 0 relabelled, \d+ unchanged/, { timeout: 30_000 });
    await region.getByRole('button', { name: 'Add to training data' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add to training data' });
    await dialog.getByRole('button', { name: /^Import/ }).click();
    await expect(region.getByText('Imported: the project holds the merged documents.')).toBeVisible(
      {
        timeout: 30_000,
      },
    );

    // The service holds every document it held, unchanged, plus the corrected one with its new label.
    const after = project().documents;
    expect(
      after.slice(0, before.length).map(({ location, labels }) => ({ location, labels })),
    ).toEqual(before);
    expect(after).toHaveLength(before.length + 1);
    const added = after[before.length];
    expect(added?.text).toBe(ticket02.text);
    const correctedLabel = added?.labels[0] ?? '';
    expect(added?.labels).toEqual([correctedLabel]);
    expect(correctedLabel).toBe('Account');
    expect(correctedLabel).not.toBe(ticket02.label);
    // Azurite holds the uploaded blob beside the ones that were there.
    const blobsAfter = await blobNames(sas);
    expect(blobsAfter).toEqual([...blobsBefore, added?.location].sort());

    await region.getByRole('button', { name: 'Train model' }).click();
    await expect(region.getByText(/^Model model-\d+ is trained\.$/)).toBeVisible({
      timeout: 30_000,
    });
    const trained = project().models.at(-1);
    await region.getByRole('button', { name: 'Deploy', exact: true }).click();
    await expect(region.getByText(/^staging now serves model-\d+\./)).toBeVisible({
      timeout: 30_000,
    });
    await region.getByRole('button', { name: 'Swap deployments' }).click();
    const swap = page.getByRole('dialog', { name: 'Swap deployments' });
    await swap.getByLabel(/Type the project name to confirm/).fill('SupportTickets');
    await swap.getByRole('button', { name: 'Swap deployments' }).click();
    await expect(region.getByText(/^Swapped: production and staging/)).toBeVisible({
      timeout: 30_000,
    });
    const production = project().deployments.find(({ name }) => name === 'production');
    expect(production?.model.label).toBe(trained?.label);

    // A rerun on production (the form still names it) predicts the corrected label.
    await page
      .getByRole('table', { name: 'Runs' })
      .getByRole('button', { name: /^Rerun SupportTickets\/production/ })
      .first()
      .click();
    await expect(page.getByLabel('Run: Done', { exact: true })).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole('table', { name: 'Runs' }).getByRole('row')).toHaveCount(3);
    await expect(app.row('ticket02')).toContainText(correctedLabel);
    await expect(app.row('ticket02')).not.toContainText(/Corrected/);
  } finally {
    await service.close();
    await azurite.stop();
  }
});

async function blobNames(sasUrl: string): Promise<string[]> {
  const names: string[] = [];
  for await (const blob of new ContainerClient(sasUrl).listBlobsFlat()) names.push(blob.name);
  return names.sort();
}
