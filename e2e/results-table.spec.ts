import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { z } from 'zod';
import { DEMO_KEY, expect, HTTP_SERVICE, test } from './fixtures';

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
    await expect(page.getByRole('img', { name: 'Confidence chart for doc2' })).toBeVisible();
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
    expect(lines[0]).toBe('id,top_class,top_confidence,classes,warnings,error');
    expect(lines).toHaveLength(7);
    expect(lines.find((line) => line.startsWith('doc1,'))).toMatch(
      /^doc1,Billing,0\.\d{4},Billing:0\.\d{4},,$/,
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

const CLASSES = ['Billing', 'TechnicalIssue', 'Account', 'Shipping', 'Feedback'];
const MANY = 10_000;

const finishedJob = z.looseObject({
  status: z.literal('succeeded'),
  tasks: z.looseObject({
    items: z.array(z.looseObject({ results: z.looseObject({ documents: z.array(z.unknown()) }) })),
  }),
});

/** The finished job's body with 10,000 documents in place of the two that were sent. */
function withManyDocuments(body: unknown): unknown {
  const job = finishedJob.safeParse(body);
  if (!job.success) return body;
  const documents = Array.from({ length: MANY }, (_, index) => ({
    id: `doc${index + 1}`,
    class: [
      { category: CLASSES[index % CLASSES.length], confidenceScore: ((index * 7919) % 997) / 997 },
    ],
    warnings: [],
  }));
  const [task, ...rest] = job.data.tasks.items;
  return {
    ...job.data,
    tasks: {
      ...job.data.tasks,
      items: [{ ...task, results: { ...task?.results, documents } }, ...rest],
    },
  };
}

test.describe('the Results table with 10,000 results', () => {
  test('renders only the rows in view, and still sorts, filters and scrolls', async ({
    app,
    page,
  }) => {
    // Until batching exists, the service's answer is swapped for one with 10,000 documents.
    await page.route(`${HTTP_SERVICE}/language/analyze-text/jobs/**`, async (route) => {
      if (route.request().method() !== 'GET') return route.fallback();
      const response = await route.fetch();
      return route.fulfill({ response, json: withManyDocuments(await response.json()) });
    });
    await app.connect(HTTP_SERVICE);
    await app.documents(['Refund my invoice.', 'The app crashes.']);
    await app.submit();
    await expect(app.status('succeeded')).toBeVisible();

    const table = app.results();
    await expect(table).toHaveAttribute('aria-rowcount', String(MANY + 1));
    await expect(page.getByText('Showing 10,000 of 10,000 documents')).toBeVisible();
    const rendered = await table.getByRole('row').count();
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(80);
    await expect(app.row('doc1')).toHaveAttribute('aria-rowindex', '2');

    // Scrolling to the end brings the last rows in, with their place in the whole table.
    await table.evaluate((scroller) => scroller.scrollTo({ top: scroller.scrollHeight }));
    await expect(app.row('doc10000')).toHaveAttribute('aria-rowindex', String(MANY + 1));
    await expect(page.getByRole('img', { name: 'Confidence for doc10000' })).toBeVisible();

    // Sorting starts again at the top.
    await table.getByRole('button', { name: 'Document' }).click();
    await table.getByRole('button', { name: 'Document' }).click();
    await expect(table.getByRole('rowheader').first()).toHaveText('doc10000');
    await expect(table.getByRole('rowheader').nth(1)).toHaveText('doc9999');

    await page.getByRole('combobox', { name: 'Filter by class' }).selectOption({
      label: 'Shipping (2,000)',
    });
    await expect(page.getByText('Showing 2,000 of 10,000 documents')).toBeVisible();
    await page.getByRole('searchbox', { name: 'Search results' }).fill('doc9999');
    await expect(table.getByRole('rowheader')).toHaveText(['doc9999']);

    await app.row('doc9999').click();
    await expect(page.getByRole('img', { name: 'Confidence chart for doc9999' })).toContainText(
      'Shipping',
    );
    const csv = await downloaded(page, 'Download CSV');
    expect(csv.text.split('\r\n')).toHaveLength(MANY + 2);
  });
});
