import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures';

test('the evaluation’s intervals, calibration, likely label errors, the paired test and the report', async ({
  app,
  page,
}) => {
  test.setTimeout(120_000);
  await app.runLabelledTickets();
  const evaluation = page.getByRole('region', { name: 'Evaluation' });
  // 35 of 40: scipy.stats.binomtest(35, 40).proportion_ci(method='wilson') = 0.7389–0.9454.
  await expect(evaluation).toContainText('Accuracy87.5% (95% CI 73.9–94.5%)');
  const perClass = evaluation.getByRole('table', { name: 'Per-class metrics' });
  await expect(perClass.getByRole('row', { name: /Macro average/ })).toContainText(
    // Seeded: the same run shows the same bootstrap interval.
    '87.6%75.5–96.9%',
  );

  const calibration = page.getByRole('region', { name: 'Calibration' });
  await expect(
    calibration.getByRole('img', { name: 'Reliability diagram: accuracy against confidence' }),
  ).toBeVisible();
  await expect(calibration).toContainText(/Expected calibration error \d+\.\d%/);

  // The demo model's five mistakes are all less confident than its usual prediction of their
  // class: none is a likely label error (the unit and component tests cover a list and its button).
  const labelErrors = page.getByRole('region', { name: 'Likely label errors' });
  await expect(labelErrors).toContainText('No labelled document is contradicted');

  await page
    .getByRole('spinbutton', { name: 'Target precision (%)' })
    .or(page.getByRole('textbox', { name: 'Target precision (%)' }))
    .fill('95');
  await expect(evaluation).toContainText(/Lowest threshold for precision ≥ 95%: \d+\.\d%/);

  // The same documents on staging, compared with production.
  await app.field('Deployment name').fill('staging');
  await page
    .getByRole('table', { name: 'Runs' })
    .getByRole('button', { name: /^Rerun / })
    .first()
    .click();
  await expect(page.getByLabel('Run: Done', { exact: true })).toBeVisible({ timeout: 20_000 });
  await expect(evaluation).toContainText('77.5%');
  await page.getByRole('combobox', { name: 'Compare with' }).click();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  const compare = page.getByRole('region', { name: 'Compare runs' });
  await expect(compare).toContainText(/Agreement: \d+\.\d% \(95% CI \d+\.\d–\d+\.\d%\)/);
  const paired = compare.getByRole('table', { name: 'Paired outcomes' });
  await expect(paired.getByRole('row', { name: /Both right/ })).toBeVisible();
  await expect(compare).toContainText(/McNemar p [=<] \d\.\d{3}/);
  await expect(compare).toContainText(
    /(production is better on these documents|no significant difference) \(p [=<] \d\.\d+\)/,
  );
  await expect(compare).toContainText(/paired bootstrap/);

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download report' }).click();
  const file = await (await download).path();
  const html = await readFile(file, 'utf8');
  expect(html).not.toMatch(/<script/i);
  expect(html).toContain('<style>');
  expect(html).toContain('Accuracy');
  expect(html).toMatch(/77\.5% \(95% CI \d+\.\d–\d+\.\d%\)/);
  expect(html).toContain('Calibration');
  expect(html).toContain('Likely label errors');
  expect(html).toContain('Paired outcomes');
  expect(html).toMatch(/McNemar p [=<] \d\.\d{3}/);
  expect(html).not.toContain('demo-key');
});
