import { expect, test } from './fixtures';

test('evaluate a deployment on labelled data, review it, and compare with another deployment', async ({
  app,
  page,
}) => {
  // Two runs, a review and a comparison: more than the default budget.
  test.setTimeout(90_000);
  await app.runLabelledTickets();
  const evaluation = page.getByRole('region', { name: 'Evaluation' });
  // The demo's production model gets 35 of the 40 tickets right.
  await expect(evaluation).toContainText('40 of 40 documents have a label and a result');
  await expect(evaluation).toContainText('87.5%');
  await expect(evaluation.getByRole('table', { name: 'Per-class metrics' })).toBeVisible();
  const matrix = evaluation.getByRole('table', { name: 'Confusion matrix' });

  // A cell off the diagonal shows exactly its documents in the Results table.
  const wrong = matrix.getByRole('button', { name: /labelled \w+, predicted \w+$/ }).first();
  const name = (await wrong.getAttribute('aria-label')) ?? (await wrong.textContent()) ?? '';
  const count = Number(/^(\d+) document/.exec(name)?.[1] ?? 0);
  expect(count).toBeGreaterThan(0);
  await wrong.click();
  const results = app.results();
  await expect(page.getByText(/^Showing: /)).toBeVisible();
  await expect(results.getByRole('rowheader')).toHaveCount(count);
  await page.getByRole('button', { name: 'Clear' }).click();

  // Mismatches only: the five the model got wrong, each marked in the row.
  await page.getByRole('checkbox', { name: /Mismatches only/ }).check();
  await expect(results.getByRole('rowheader')).toHaveCount(5);
  await expect(results.getByText('≠ label')).toHaveCount(5);
  await page.getByRole('checkbox', { name: /Mismatches only/ }).uncheck();

  // A threshold: coverage appears and documents under it are marked.
  const slider = page.getByRole('slider', { name: 'Confidence threshold' });
  await slider.focus();
  for (let step = 0; step < 7; step++) await page.keyboard.press('PageUp');
  await expect(evaluation.getByText('Coverage', { exact: true })).toBeVisible();
  await expect(results.getByText('Below threshold').first()).toBeVisible();
  await page.keyboard.press('Home');

  // Review with the keyboard: next row, open it, set the label with a number key.
  await app.correctSecondTicket();
  await expect(results.getByText(/Corrected: /).first()).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download labels' }).click();
  const file = await (await download).path();
  const { readFile } = await import('node:fs/promises');
  const labels = await readFile(file, 'utf8');
  expect(labels.split(/\r?\n/)[0]).toContain('id');
  expect(labels).toContain('ticket02');

  // The same documents on staging, then compared with production.
  await app.field('Deployment name').fill('staging');
  await app.field('Job name').fill('On staging');
  const runs = page.getByRole('table', { name: 'Runs' });
  await runs
    .getByRole('button', { name: /^Rerun / })
    .first()
    .click();
  await expect(page.getByRole('region', { name: 'Run', exact: true })).toContainText('On staging');
  await expect(page.getByLabel('Run: Done', { exact: true })).toBeVisible({ timeout: 20_000 });
  // The rerun's labels carry the review's correction (ticket02: Account, not its gold Billing),
  // so staging, which says Billing there, gets 30 of the 40 right.
  await expect(evaluation).toContainText('Accuracy75.0% (95% CI 59.8–85.8%)30 of 40 correct');
  const compareWith = page.getByRole('combobox', { name: 'Compare with' });
  await compareWith.click();
  // The first run (on production) is the only other run; picked by its option, not by keys, which
  // under load could land before the list opened.
  await page.getByRole('listbox', { name: 'Compare with' }).getByRole('option').first().click();
  await expect(compareWith).not.toHaveValue('');
  const compare = page.getByRole('region', { name: 'Compare runs' });
  await expect(compare).toContainText('Agreement');
  const changes = compare.getByRole('table', { name: 'Changes between runs' });
  await expect(changes).toBeVisible();
  await changes.getByRole('button').first().click();
  await expect(page.getByText(/^Showing: /)).toBeVisible();
});
