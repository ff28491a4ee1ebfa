import { DEMO_KEY, expect, test } from './fixtures';

const csv = (rows: string[]) => Buffer.from(rows.join('\r\n'));

const tickets = {
  name: 'tickets.csv',
  mimeType: 'text/csv',
  buffer: csv([
    'ticket_id,body,expected',
    'T-1,"I was charged twice, please refund the invoice",Billing',
    'T-2,"The app crashes with an error, ""again""",TechnicalIssue',
    'T-3,"Where is my parcel? The tracking number shows nothing",Billing',
  ]),
};

test.describe('documents from files', () => {
  test('a CSV is the document set as soon as its columns are picked, and a reload keeps it', async ({
    app,
    page,
  }) => {
    await page.locator('input[type="file"]').setInputFiles(tickets);
    await page.getByRole('combobox', { name: 'Text column' }).selectOption({ label: 'body' });
    await page.getByRole('combobox', { name: 'ID column' }).selectOption({ label: 'ticket_id' });
    await page.getByRole('combobox', { name: 'Label column' }).selectOption({ label: 'expected' });
    await expect(page.getByText('Using 3 documents from tickets.csv')).toBeVisible();
    await expect(page.getByText(/^3 documents · /)).toBeVisible();
    await expect(app.field('Documents')).toBeHidden();
    await app.submit();

    await expect(page.getByLabel('Run: Done', { exact: true })).toBeVisible({ timeout: 20_000 });
    await expect(app.row('T-1')).toContainText('Billing');
    await expect(app.row('T-3')).toContainText('Shipping');
    await app.row('T-3').click();
    await expect(page.getByText('Differs from the label')).toBeVisible();

    await page.reload();
    await expect(page.getByText('Using 3 documents from tickets.csv')).toBeVisible();
    await expect(page.getByText(/^3 documents · /)).toBeVisible();

    await page.getByRole('button', { name: 'Use the text box instead' }).click();
    await expect(app.field('Documents')).toBeVisible();
    await page.reload();
    await expect(app.field('Documents')).toBeVisible();
    await expect(page.getByText(/^Using \d+ documents? from/)).toBeHidden();
  });

  test('Submit right after choosing a file sends the file, with its labels', async ({
    app,
    page,
  }) => {
    await app.documents(['A paragraph in the text box', 'Another one']);
    await expect(page.getByText(/^2 documents · /)).toBeVisible();
    await page.locator('input[type="file"]').setInputFiles({
      name: 'records.jsonl',
      mimeType: 'application/x-ndjson',
      buffer: Buffer.from(
        [
          '{"id":"r1","text":"Please refund the invoice, I was charged twice","label":"Billing"}',
          '{"id":"r2","text":"The app crashes on start","labels":["TechnicalIssue","Mobile"]}',
          '{"id":"r3","text":"My parcel never arrived","labels":"Shipping|Complaint"}',
          '{"id":"r4","text":"Unlabelled, this one"}',
        ].join('\n'),
      ),
    });
    await expect(page.getByText('Using 4 documents from records.jsonl')).toBeVisible();
    await expect(page.getByText(/^4 documents · /)).toBeVisible();
    await expect(page.getByRole('listitem').filter({ hasText: 'r2' })).toContainText('Mobile');
    await app.submit();

    await expect(page.getByLabel('Run: Done', { exact: true })).toBeVisible({ timeout: 20_000 });
    await expect(app.row('r1')).toContainText('Billing');
    await expect(app.row('r4')).toBeVisible();
    await expect(app.row('doc1')).toHaveCount(0);

    // The text box's own documents are still there, one click away.
    await page.getByRole('button', { name: 'Use the text box instead' }).click();
    await expect(app.field('Documents')).toHaveValue('A paragraph in the text box\n\nAnother one');
    await expect(page.getByText(/^2 documents · /)).toBeVisible();
  });

  test('duplicate ids are caught and explained, and nothing is used', async ({ app }) => {
    const { page } = app;
    await app.documents(['Kept in the text box']);
    await page.locator('input[type="file"]').setInputFiles({
      name: 'records.jsonl',
      mimeType: 'application/x-ndjson',
      buffer: Buffer.from(
        ['{"id":"a","text":"one"}', '{"id":"b","text":"two"}', '{"id":"a","text":"three"}'].join(
          '\n',
        ),
      ),
    });
    await expect(page.getByRole('alert')).toContainText(
      '1 id is used more than once: “a” (lines 1 and 3). Ids must be unique.',
    );
    await expect(page.getByText(/^1 documents? · /)).toBeVisible();
    await expect(app.field('Documents')).toHaveValue('Kept in the text box');
    await expect(page.getByText(/^Using \d+ documents? from/)).toBeHidden();
  });
});

test('a refused file holds Submit, across a reload, until it is removed', async ({ app, page }) => {
  const texts = ['First ticket', 'Second ticket', 'Third ticket', 'Fourth ticket', 'Fifth ticket'];
  await app.documents(texts);
  await expect(page.getByText(/^5 documents · /)).toBeVisible();
  await page.locator('input[type="file"]').setInputFiles({
    name: 'dupes.csv',
    mimeType: 'text/csv',
    buffer: csv(['id,text', 'a,one', 'b,two', 'a,three']),
  });
  const submit = page.getByRole('button', { name: 'Submit job' });
  const reason = 'dupes.csv cannot be used: fix it and choose it again, or remove it, to submit.';
  await expect(page.getByText(reason)).toBeVisible();
  await expect(submit).toHaveAttribute('aria-disabled', 'true');
  await expect(submit).toHaveAccessibleDescription(reason);
  await app.field('Documents').press('Control+Enter');

  await page.reload();
  // Nothing was sent: no run was made.
  await expect(page.getByRole('table', { name: 'Runs' })).toHaveCount(0);
  await expect(
    page.getByRole('alert').filter({ hasText: 'dupes.csv cannot be used yet' }),
  ).toContainText('used more than once');
  await expect(submit).toHaveAttribute('aria-disabled', 'true');
  await expect(page.getByText(reason)).toBeVisible();

  await page.getByRole('button', { name: 'Remove the file' }).click();
  await expect(page.getByText(reason)).toBeHidden();
  // The key lives in memory only: the reload forgot it.
  await app.field('Key').fill(DEMO_KEY);
  await expect(submit).not.toHaveAttribute('aria-disabled');
  await app.submit();
  await expect(page.getByLabel('Run: Done', { exact: true })).toBeVisible({ timeout: 20_000 });
  await expect(app.row('doc5')).toBeVisible();
  await page.reload();
  await expect(page.getByText(reason)).toBeHidden();
});
