import { mkdir, readFile, writeFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { evaluationFigures } from './evaluation-shown';
import { cli, serviceArgs } from '../src/cli/test-cli';
import { expect, labelledTicketsCsv, test } from './fixtures';

/**
 * The command line and the browser give the same classes: the demo's labelled tickets, run in the
 * page and by `npm run cli -- run` against the same simulated service, and the CLI's run file
 * imported with Import run shows the same results and evaluation, with no request to the service.
 */

/** The evaluation and the rows as the page shows them. */
async function evaluationShown(page: Page) {
  const results = page.getByRole('table', { name: 'Results' });
  return {
    ...(await evaluationFigures(page)),
    rows: await results
      .getByRole('row')
      .evaluateAll((rows) => rows.map((row) => (row instanceof HTMLElement ? row.innerText : ''))),
  };
}

test('the CLI’s run file imports with the browser’s classes and evaluation, and no request', async ({
  app,
  page,
  service,
}, testInfo) => {
  test.setTimeout(120_000);
  await app.connect(service.origin);
  await app.runLabelledTickets(30_000);
  const inBrowser = await evaluationShown(page);

  const folder = testInfo.outputPath('cli');
  await mkdir(folder, { recursive: true });
  const input = `${folder}/${labelledTicketsCsv.name}`;
  await writeFile(input, labelledTicketsCsv.buffer);
  const out = `${folder}/out`;
  const run = cli([
    'run',
    '--input',
    input,
    ...serviceArgs(service.origin),
    '--job-name',
    'nightly CLI',
    '--out',
    out,
  ]);
  expect(await run.exited, run.stderr()).toBe(0);
  expect(run.stderr()).toContain('columns: text “text”, id “id”, label “label”');
  const lines = (await readFile(`${out}/results.jsonl`, 'utf8')).trim().split('\n');
  expect(lines).toHaveLength(40);

  const requests: string[] = [];
  page.on('request', (request) => {
    if (request.url().startsWith(service.origin)) requests.push(request.url());
  });
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import run' }).click();
  await (await chooser).setFiles(`${out}/run.classify-run.json.gz`);
  await expect(page.getByRole('status').filter({ hasText: /^Imported “/ })).toContainText(
    '40 documents and 40 results, with no request to the service.',
  );
  await expect(page.getByRole('table', { name: 'Runs' }).getByRole('rowheader')).toHaveCount(2);
  // The imported run is the one shown (import opens it), with the browser's own figures and rows.
  await expect(page.getByRole('region', { name: 'Run', exact: true })).toContainText('nightly CLI');
  await expect.poll(() => evaluationShown(page)).toEqual(inBrowser);
  await page.screenshot({ path: testInfo.outputPath('cli-run-imported.png'), fullPage: true });
  expect(requests).toEqual([]);
});
