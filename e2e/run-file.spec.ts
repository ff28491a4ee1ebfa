import { open, readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { AXE_TAGS, SCHEMES, showIn } from './axe';
import { evaluationFigures } from './evaluation-shown';
import { ConsolePage, DEMO_KEY, expect, test, untilLive } from './fixtures';

/** What a run shows of its evaluation and results, to compare between two browsers. */
async function evaluationShown(page: Page) {
  const results = page.getByRole('table', { name: 'Results' });
  return {
    ...(await evaluationFigures(page)),
    threshold: await page
      .getByRole('slider', { name: 'Confidence threshold' })
      .getAttribute('aria-valuenow'),
    corrected: await results.getByText(/Corrected: /).count(),
    // Each row's facts (a row the reviewer opened repeats its text: once is enough).
    firstRows: await results
      .getByRole('row')
      .evaluateAll((rows) =>
        rows
          .slice(0, 12)
          .map((row) => [
            ...new Set((row instanceof HTMLElement ? row.innerText : '').split('\n')),
          ]),
      ),
  };
}

/** No WCAG 2.1 A/AA or best-practice violation in the Runs area and its dialog, light and dark. */
async function expectAccessible(page: Page) {
  for (const scheme of SCHEMES) {
    await showIn(page, scheme);
    const { violations, passes } = await new AxeBuilder({ page })
      .include('section[aria-labelledby="runs-heading"]')
      .include('[role="dialog"]')
      .withTags(AXE_TAGS)
      .analyze();
    expect(
      violations.map(({ id, help }) => `${id}: ${help}`),
      scheme,
    ).toEqual([]);
    expect(passes.length, 'axe checked the Runs area').toBeGreaterThan(0);
  }
}

/** Analyze-text calls (submit, poll, cancel) that reach the service from this page. */
function jobRequests(page: Page, origin: string): string[] {
  const seen: string[] = [];
  page.context().on('request', (request) => {
    const url = request.url();
    if (url.startsWith(origin) && url.includes('/language/analyze-text/')) seen.push(url);
  });
  return seen;
}

test('a run exported from one browser imports into a fresh one with the same results and evaluation, and no request', async ({
  app,
  page,
  service,
  browser,
  baseURL,
}, testInfo) => {
  test.setTimeout(180_000);
  // The labelled tickets, run against the simulated service over HTTP, then reviewed.
  await app.connect(service.origin);
  await app.runLabelledTickets(30_000);
  const slider = page.getByRole('slider', { name: 'Confidence threshold' });
  await slider.focus();
  for (let step = 0; step < 4; step++) await page.keyboard.press('PageUp');
  const results = app.results();
  await app.correctSecondTicket();
  await page.keyboard.press('Escape');
  await expect(results.getByText(/Corrected: /)).toHaveCount(1);
  // The threshold is saved a moment after the slider rests.
  await expect
    .poll(() =>
      page.evaluate(
        () =>
          new Promise<string>((resolve) => {
            const request = indexedDB.open('classify-console-runs');
            request.onsuccess = () => {
              const all = request.result.transaction('runs').objectStore('runs').getAll();
              all.onsuccess = () => {
                request.result.close();
                resolve(JSON.stringify(all.result));
              };
            };
          }),
      ),
    )
    .toContain('"threshold":0.4');
  const exported = await evaluationShown(page);
  expect(exported.threshold).toBe('40');

  const runs = page.getByRole('table', { name: 'Runs' });
  const download = page.waitForEvent('download');
  await runs.getByRole('button', { name: /^Export… / }).click();
  const file = await download;
  const path = testInfo.outputPath(file.suggestedFilename());
  await file.saveAs(path);
  expect(file.suggestedFilename()).toMatch(/\.classify-run\.json\.gz$/);
  const bytes = await readFile(path);
  expect([bytes[0], bytes[1]]).toEqual([0x1f, 0x8b]);
  // The key is in the exporting browser's form; it is never in the file.
  const { gunzipSync } = await import('node:zlib');
  const text = gunzipSync(bytes).toString('utf8');
  expect(text).toContain('"format":"classify-run"');
  expect(text).not.toContain(DEMO_KEY);

  // A fresh browser context: its own IndexedDB, no runs. Its form even holds the key for the
  // run's endpoint: the imported run still sends and polls nothing.
  const context = await browser.newContext({ ...(baseURL ? { baseURL } : {}) });
  const other = await context.newPage();
  const requests = jobRequests(other, service.origin);
  await other.goto('/');
  await untilLive(other);
  await new ConsolePage(other).connect(service.origin);
  const importButton = other.getByRole('button', { name: 'Import run' });
  const importFile = async (files: string) => {
    const chooser = other.waitForEvent('filechooser');
    await importButton.click();
    await (await chooser).setFiles(files);
  };
  await importFile(path);
  await expect(other.getByRole('status').filter({ hasText: /^Imported “/ })).toContainText(
    '40 documents and 40 results, with no request to the service.',
  );
  await expect(other.getByLabel('Run: Done', { exact: true })).toBeVisible();
  expect(await evaluationShown(other)).toEqual(exported);

  // The same file again: Keep both adds a copy under another name.
  await importFile(path);
  const dialog = other.getByRole('dialog', { name: 'This run is already in this browser' });
  await expect(dialog.getByRole('button', { name: 'Replace' })).toBeEnabled();
  await expectAccessible(other);
  await dialog.getByRole('button', { name: 'Keep both' }).click();
  const otherRuns = other.getByRole('table', { name: 'Runs' });
  await expect(otherRuns.getByRole('rowheader')).toHaveCount(2);
  await expect(otherRuns.getByRole('rowheader', { name: / \(imported\)$/ })).toHaveCount(1);

  // A 2 GB file (sparse: it takes no disk) is refused before it is read, and changes nothing.
  const huge = testInfo.outputPath('huge.classify-run.json.gz');
  const handle = await open(huge, 'w');
  await handle.truncate(2 * 1024 ** 3);
  await handle.close();
  await importFile(huge);
  const alert = other
    .getByRole('alert')
    .filter({ hasText: 'huge.classify-run.json.gz was not imported' });
  await expect(alert).toContainText(
    'The file is 2.0 GB; a run file can be at most 256 MB. Nothing in this browser was changed.',
  );
  // A broken one: JSON cut short.
  const broken = testInfo.outputPath('broken.classify-run.json');
  const { writeFile } = await import('node:fs/promises');
  await writeFile(broken, '{"format": "classify-run", "version": 1, "documents": [');
  await importFile(broken);
  await expect(
    other.getByRole('alert').filter({ hasText: 'broken.classify-run.json was not imported' }),
  ).toContainText('The file is not valid JSON');
  await expectAccessible(other);
  await expect(otherRuns.getByRole('rowheader')).toHaveCount(2);

  await other.reload();
  await expect(other.getByRole('table', { name: 'Runs' }).getByRole('rowheader')).toHaveCount(2);
  expect(requests).toEqual([]);
  await context.close();
});
