import { mkdir, readFile, writeFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { DEMO_DOCUMENTS } from '../src/demo/demo-settings';
import { writeRunFile } from '../src/features/runs/file/run-file-write';
import { documentSlices, testWholeRun } from '../src/features/runs/file/test-run-file';
import { DEMO_KEY, expect, test } from './fixtures';

async function downloaded(page: Page, button: string): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ]);
  const path = await download.path();
  return { name: download.suggestedFilename(), text: await readFile(path, 'utf8') };
}

test.describe('the Results table on the demo', () => {
  test('sorts, filters, opens a row’s chart, and downloads CSV and JSON', async ({ app, page }) => {
    await page.getByRole('button', { name: 'Try the demo' }).click();
    await app.submit();
    await expect(app.status('succeeded')).toBeVisible();
    const table = app.results();
    const rowHeaders = table.getByRole('rowheader');
    await expect(rowHeaders).toHaveText(['doc1', 'doc2', 'doc3', 'doc4', 'doc5']);

    // Sorting: natural ids, then by top class, then by confidence.
    const documentHeader = table.getByRole('columnheader', { name: 'Document' });
    await documentHeader.getByRole('button').click();
    await expect(documentHeader).toHaveAttribute('aria-sort', 'ascending');
    await documentHeader.getByRole('button').click();
    await expect(documentHeader).toHaveAttribute('aria-sort', 'descending');
    await expect(rowHeaders).toHaveText(['doc5', 'doc4', 'doc3', 'doc2', 'doc1']);

    await table.getByRole('button', { name: 'Classes' }).click();
    await expect(table.getByRole('columnheader', { name: 'Classes' })).toHaveAttribute(
      'aria-sort',
      'ascending',
    );
    await expect(documentHeader).not.toHaveAttribute('aria-sort');
    await expect(table.getByRole('row').nth(1)).toContainText('Account');
    await expect(table.getByRole('row').nth(5)).toContainText('TechnicalIssue');

    await table.getByRole('button', { name: 'Confidence' }).click();
    await expect(table.getByRole('columnheader', { name: 'Confidence' })).toHaveAttribute(
      'aria-sort',
      'ascending',
    );
    const percentages = (await table.getByRole('row').allTextContents())
      .slice(1)
      .map((text) => Number(/(\d{1,3}\.\d)%/.exec(text)?.[1]));
    expect(percentages).toHaveLength(5);
    expect(percentages).toEqual([...percentages].sort((a, b) => a - b));

    // Filtering by class and by text.
    await page
      .getByRole('combobox', { name: 'Filter by class' })
      .selectOption({ label: 'Billing (1)' });
    await expect(rowHeaders).toHaveText(['doc1']);
    await expect(page.getByText('Showing 1 of 5 documents')).toBeVisible();
    await page.getByRole('combobox', { name: 'Filter by class' }).selectOption('All classes');
    await page.getByRole('searchbox', { name: 'Search results' }).fill('shipping');
    await expect(rowHeaders).toHaveText(['doc4']);
    await page.getByRole('searchbox', { name: 'Search results' }).fill('');
    await expect(rowHeaders).toHaveCount(5);

    // A click anywhere on a row opens its chart; Enter on the row's button does too.
    await app.row('doc2').click();
    // One class: a plain bar, drawn at once, in view.
    await expect(page.getByRole('img', { name: 'Confidence chart for doc2' })).toBeInViewport({
      ratio: 1,
    });
    await expect(page.getByRole('heading', { name: 'doc2' })).toBeVisible();
    await expect(app.row('doc2').getByRole('button', { name: 'doc2' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await app.row('doc3').getByRole('button', { name: 'doc3' }).press('Enter');
    await expect(page.getByRole('img', { name: 'Confidence chart for doc3' })).toContainText(
      'Account',
    );
    await expect(page.getByRole('img', { name: 'Confidence chart for doc2' })).toHaveCount(0);
    await page.getByRole('button', { name: 'Close the chart for doc3' }).click();
    await expect(page.getByRole('img', { name: 'Confidence chart for doc3' })).toHaveCount(0);

    const csv = await downloaded(page, 'Download CSV');
    expect(csv.name).toMatch(/^classify-results-\d{4}-\d\d-\d\dT\d\d-\d\d\.csv$/);
    const lines = csv.text.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('id,text,top_class,top_confidence,classes,warnings,error,threshold');
    expect(lines).toHaveLength(7);
    expect(lines.find((line) => line.startsWith('"doc1",'))).toMatch(
      /^"doc1","I was charged twice[^"]*","Billing",0\.\d{4},"Billing:0\.\d{4}","","",0$/,
    );
    expect(csv.text).not.toContain(DEMO_KEY);

    const json = await downloaded(page, 'Download JSON');
    expect(json.name).toMatch(/\.json$/);
    expect(json.text).not.toContain(DEMO_KEY);
    const body: unknown = JSON.parse(json.text);
    expect(body).toMatchObject({
      endpointHost: 'demo.classify-console.invalid',
      complete: true,
      documentCount: 5,
      documents: expect.arrayContaining([
        expect.objectContaining({
          id: 'doc4',
          classes: [expect.objectContaining({ category: 'Shipping' })],
        }),
      ]),
    });
  });
});

// Enough rows that only a window of them can be in the page; the 10,000-result run (about 90 s)
// is the bench's (`npm run bench -- table`), which also times it.
const MANY = 1_000;
const CLASSES = ['Billing', 'TechnicalIssue', 'Account', 'Shipping', 'Feedback'];

/**
 * A finished run of many tickets, a fifth in each class, as the run file its export writes: the
 * table is what is tested here, so the run arrives by Import run (the runner's 40 jobs are the
 * batch and runs specs').
 */
async function manyTicketsRunFile(path: string): Promise<string> {
  const whole = testWholeRun(MANY, 'many-tickets');
  const documents = whole.documents.map(
    ({ labels: _labels, metadata: _metadata, ...document }) => ({
      ...document,
      text: `${DEMO_DOCUMENTS.single[document.index % DEMO_DOCUMENTS.single.length] ?? ''} (${document.index + 1})`,
    }),
  );
  const results = documents.map(({ index, id }) => ({
    runId: whole.run.id,
    index,
    id,
    classes: [{ category: CLASSES[index % CLASSES.length] ?? 'Billing', confidence: 0.9 }],
    warnings: [],
  }));
  const written = await writeRunFile({
    run: {
      ...whole.run,
      oversized: [],
      name: 'SupportTickets/production · many tickets',
      labelled: false,
      source: 'many.jsonl',
    },
    jobs: whole.jobs,
    results,
    corrections: [],
    documents: documentSlices({ ...whole, documents }, MANY),
  });
  await mkdir(path, { recursive: true });
  const file = `${path}/${written.fileName}`;
  await writeFile(file, Buffer.from(await written.blob.arrayBuffer()));
  return file;
}

test.describe('the Results table with 1,000 results', () => {
  test('renders only the rows in view, and still sorts, filters and scrolls', async ({
    app,
    page,
  }, testInfo) => {
    const file = await manyTicketsRunFile(testInfo.outputDir);
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import run' }).click();
    await (await chooser).setFiles(file);
    await expect(page.getByRole('status').filter({ hasText: /^Imported “/ })).toContainText(
      '1,000 documents and 1,000 results',
    );
    await expect(page.getByLabel('Run: Done', { exact: true })).toBeVisible();

    const table = app.results();
    await expect(table).toHaveAttribute('aria-rowcount', String(MANY + 1));
    await expect(page.getByText('Showing 1,000 of 1,000 documents')).toBeVisible();
    const rendered = await table.getByRole('row').count();
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(80);
    await expect(app.row('doc1')).toHaveAttribute('aria-rowindex', '2');

    // Scrolling to the end brings the last rows in, with their place in the whole table.
    await table.evaluate((scroller) => scroller.scrollTo({ top: scroller.scrollHeight }));
    await expect(app.row('doc1000')).toHaveAttribute('aria-rowindex', String(MANY + 1));
    await expect(page.getByRole('img', { name: 'Confidence for doc1000' })).toBeVisible();

    // Sorting starts again at the top.
    await table.getByRole('button', { name: 'Document' }).click();
    await table.getByRole('button', { name: 'Document' }).click();
    await expect(table.getByRole('rowheader').first()).toHaveText('doc1000');
    await expect(table.getByRole('rowheader').nth(1)).toHaveText('doc999');

    await page.getByRole('combobox', { name: 'Filter by class' }).selectOption({
      label: 'Shipping (200)',
    });
    await expect(page.getByText('Showing 200 of 1,000 documents')).toBeVisible();
    await page.getByRole('searchbox', { name: 'Search results' }).fill('doc999');
    await expect(table.getByRole('rowheader')).toHaveText(['doc999']);

    await app.row('doc999').click();
    await expect(page.getByRole('img', { name: 'Confidence chart for doc999' })).toContainText(
      'Shipping',
    );
    const csv = await downloaded(page, 'Download CSV');
    expect(csv.text.split('\r\n')).toHaveLength(MANY + 2);
  });
});
