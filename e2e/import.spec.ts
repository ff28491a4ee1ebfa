import { expect, test } from './fixtures';

const csv = (rows: string[]) => Buffer.from(rows.join('\r\n'));

test.describe('documents from files', () => {
  test('a CSV with chosen text, id and label columns is classified and compared', async ({
    app,
    page,
  }) => {
    await page.locator('input[type="file"]').setInputFiles({
      name: 'tickets.csv',
      mimeType: 'text/csv',
      buffer: csv([
        'ticket_id,body,expected',
        'T-1,"I was charged twice, please refund the invoice",Billing',
        'T-2,"The app crashes with an error, ""again""",TechnicalIssue',
        'T-3,"Where is my parcel? The tracking number shows nothing",Billing',
      ]),
    });
    await page.getByRole('combobox', { name: 'Text column' }).selectOption({ label: 'body' });
    await page.getByRole('combobox', { name: 'ID column' }).selectOption({ label: 'ticket_id' });
    await page.getByRole('combobox', { name: 'Label column' }).selectOption({ label: 'expected' });
    await page.getByRole('button', { name: 'Use these documents' }).click();
    await expect(page.getByText('Using 3 documents from tickets.csv')).toBeVisible();
    await app.submit();

    await expect(app.status('succeeded')).toBeVisible();
    await expect(app.row('T-1')).toContainText('Billing');
    await expect(app.row('T-3')).toContainText('Shipping');
    await app.row('T-3').click();
    await expect(page.getByText('Differs from the label')).toBeVisible();
    await expect(page.getByRole('img', { name: 'Confidence chart for T-3' })).toBeVisible();
  });

  test('duplicate ids are caught and explained, and nothing can be used', async ({ app }) => {
    const { page } = app;
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
    await expect(page.getByRole('button', { name: 'Use these documents' })).toBeDisabled();
  });
});
