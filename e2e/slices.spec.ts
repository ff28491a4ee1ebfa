import { expect, test } from './fixtures';

/** Tickets with a source column (kept as metadata) and a language column (sent with each row). */
function ticketsCsv() {
  const rows = ['id,text,label,source,lang'];
  const texts = {
    Billing: 'Please refund the double charge on my invoice.',
    TechnicalIssue: 'The app shows an error and crashes on start.',
  };
  // Email tickets are labelled as their text says; chat tickets mostly are not.
  for (let index = 0; index < 12; index++) {
    const label = index % 2 === 0 ? 'Billing' : 'TechnicalIssue';
    rows.push(`e${index},"${texts[label]}",${label},email,en`);
  }
  for (let index = 0; index < 12; index++) {
    const wrong = index < 10;
    const text = index % 2 === 0 ? texts.Billing : texts.TechnicalIssue;
    const label = (index % 2 === 0) !== wrong ? 'Billing' : 'TechnicalIssue';
    rows.push(`c${index},"${text}",${label},chat,${index === 0 ? 'de' : 'en'}`);
  }
  return { name: 'tickets.csv', mimeType: 'text/csv', buffer: Buffer.from(rows.join('\n')) };
}

test('slice a labelled run by a column of its CSV, the rows sent with their own language', async ({
  app,
  page,
  service,
}) => {
  // A run, then the evaluation: more than the default 30 s on a busy 2-core machine.
  test.setTimeout(60_000);
  await app.connect(service.origin);
  await page.locator('input[type="file"]').setInputFiles(ticketsCsv());
  // Picked by their headers: the label and the language column.
  await expect(page.getByRole('combobox', { name: 'Label column' })).toHaveValue('2');
  await expect(page.getByRole('combobox', { name: 'Language column' })).toHaveValue('4');
  await expect(page.getByText('Using 24 documents from')).toBeVisible();
  // The preview shows class names as written, not in capitals.
  const preview = page.getByRole('list', { name: 'First documents' });
  await expect(preview.getByText('TechnicalIssue', { exact: true })).toHaveCSS(
    'text-transform',
    'none',
  );

  const submitted = page.waitForRequest(
    (request) => request.method() === 'POST' && request.url().startsWith(service.origin),
  );
  await app.submit();
  const body: unknown = (await submitted).postDataJSON();
  expect(body).toMatchObject({
    analysisInput: {
      documents: expect.arrayContaining([
        expect.objectContaining({ id: 'e0', language: 'en' }),
        expect.objectContaining({ id: 'c0', language: 'de' }),
      ]),
    },
  });
  // Metadata stays in the browser: it is not sent.
  expect(JSON.stringify(body)).not.toContain('email');
  await expect(page.getByLabel('Run: Done', { exact: true })).toBeVisible({ timeout: 40_000 });

  const evaluation = page.getByRole('region', { name: 'Evaluation' });
  const sliceBy = evaluation.getByRole('combobox', { name: 'Slice by' });
  await expect(sliceBy.getByRole('option')).toHaveText(['Nothing', 'language', 'source']);
  await sliceBy.selectOption('source');
  const slices = evaluation.getByRole('table', { name: 'Slices' });
  await expect(slices.getByRole('row', { name: /^chat below the rest 12 / })).toBeVisible();
  await expect(slices.getByRole('row', { name: /^email 12 100\.0%/ })).toBeVisible();
  await expect(slices.getByRole('row')).toHaveCount(3);
});
