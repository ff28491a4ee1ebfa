import { demoContainerSasUrl } from '../src/demo/demo-storage';
import { DEMO_KEY, expect, test } from './fixtures';

test('improve the model: a correction becomes training data, then train, deploy to staging and swap', async ({
  app,
  page,
}) => {
  // A run, an import, a training, a deployment and a swap, each a job followed to its end.
  test.setTimeout(180_000);
  // More demos → Improve the support tickets model runs the labelled tickets at once, once.
  await app.chooseDemo('Improve the support tickets model');
  await expect(page.getByLabel('Run: Done', { exact: true })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('table', { name: 'Runs' }).getByRole('row')).toHaveCount(2);
  // The review with the mouse (the keyboard path has tests of its own): ticket02 → Account.
  await app.results().getByRole('button', { name: 'ticket02', exact: true }).click();
  const review = page.getByRole('region', { name: 'ticket02' });
  await review.getByRole('button', { name: '1 Account' }).click();
  await expect(review).toContainText('Corrected label: Account');
  const region = page.getByRole('region', { name: 'Improve the model' });
  await expect(region.getByRole('table', { name: 'Documents to add' })).toContainText('ticket02');
  await expect(region.getByLabel('Summary')).toContainText('1 document (1 corrected)');
  await region.getByRole('checkbox', { name: /Include gold labels/ }).check();
  await expect(region.getByLabel('Summary')).toContainText('40 documents (1 corrected)');

  // A demo run of SupportTickets starts with the demo's own container SAS URL (public and fake).
  const sas = demoContainerSasUrl('support-tickets');
  await expect(region.getByLabel('Container SAS URL')).toHaveValue(sas);
  await expect(region).toContainText('support-tickets?sp=racwdl');
  await expect(region).not.toContainText(new URL(sas).searchParams.get('sig') ?? 'no sig');

  await region.getByRole('button', { name: 'Read the project' }).click();
  const changes = region.getByRole('table', { name: 'Changes to the project' });
  await expect(changes).toBeVisible({ timeout: 30_000 });
  await expect(region).toContainText(/40 added, 0 relabelled, 0 unchanged/);
  if (process.env.IMPROVE_SCREENSHOT)
    await region.screenshot({ path: process.env.IMPROVE_SCREENSHOT });

  await region.getByRole('button', { name: 'Add to training data' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add to training data' });
  await expect(dialog).toContainText('40 documents will be added');
  await dialog.getByRole('button', { name: /^Import/ }).click();
  await expect(region.getByText('Imported: the project holds the merged documents.')).toBeVisible({
    timeout: 60_000,
  });
  await expect(
    region.getByRole('button', { name: 'Download previous project file' }),
  ).toBeVisible();

  // A reload while training follows the same job again: the train POST is never sent twice.
  let trainPosts = 0;
  page.on('request', (request) => {
    if (request.method() === 'POST' && request.url().includes('/:train?')) trainPosts += 1;
  });
  await region.getByRole('button', { name: 'Train model' }).click();
  await expect(region.getByText(/^Training model-\d+: (notStarted|running)/)).toBeVisible({
    timeout: 30_000,
  });
  await page.reload();
  // The key lives in memory only: the run and its saved jobs wait for it.
  await app.fill({ Key: DEMO_KEY });
  await expect(region.getByText(/^Model model-\d+ is trained\.$/)).toBeVisible({ timeout: 90_000 });
  expect(trainPosts).toBe(1);
  await expect(region.getByRole('table', { name: 'Evaluation from training' })).toBeVisible();

  await expect(region.getByRole('combobox', { name: 'Deploy to' })).toHaveValue('staging');
  await region.getByRole('button', { name: 'Deploy', exact: true }).click();
  await expect(region.getByText(/^staging now serves model-\d+\./)).toBeVisible({
    timeout: 30_000,
  });

  // The new model on these very documents: Rerun on staging opens a new run of them there. The
  // model learnt every document added (gold labels and the correction), so it gets all 40 right.
  await region.getByRole('button', { name: 'Rerun on staging' }).click();
  await expect(page.getByRole('region', { name: 'Run', exact: true })).toContainText(
    'SupportTickets/staging',
  );
  await expect(page.getByLabel('Run: Done', { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('region', { name: 'Evaluation' })).toContainText('40 of 40 correct');

  await region.getByRole('button', { name: 'Swap deployments' }).click();
  const swap = page.getByRole('dialog', { name: 'Swap deployments' });
  await expect(swap).toContainText(/production: \S+ now, model-\d+ after\./);
  const confirm = swap.getByRole('button', { name: 'Swap deployments' });
  await expect(confirm).toBeDisabled();
  await swap.getByLabel(/Type the project name to confirm/).fill('SupportTickets');
  await confirm.click();
  await expect(region.getByText(/^Swapped: production and staging/)).toBeVisible({
    timeout: 30_000,
  });
  if (process.env.IMPROVE_SCREENSHOT)
    await region.screenshot({ path: process.env.IMPROVE_SCREENSHOT.replace('.png', '-end.png') });
});
