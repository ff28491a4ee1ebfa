import type { Page } from '@playwright/test';
import { axeViolations, SCHEMES, showIn } from './axe';
import { expect, test } from './fixtures';

/** No WCAG 2.1 A/AA or best-practice violation in the state the page is in, light and dark. */
async function expectAccessible(page: Page) {
  for (const scheme of SCHEMES) {
    await showIn(page, scheme);
    expect(await axeViolations(page), `axe violations in ${scheme}`).toEqual([]);
  }
}

const done = (page: Page) =>
  expect(page.getByLabel('Run: Done', { exact: true })).toBeVisible({ timeout: 20_000 });

test.describe('accessible in every state, light and dark', () => {
  // axe with best-practice rules over a full page, twice (light and dark), and more than once per
  // test: more than the default budget on a busy 2-core machine.
  test.describe.configure({ timeout: 150_000 });
  test('first load', async ({ app }) => {
    const { page } = app;
    await expect(page.getByRole('button', { name: 'Submit job' })).toBeVisible();
    await expectAccessible(page);
  });

  test('a finished single job', async ({ app, page }) => {
    await app.submit();
    await done(page);
    await expect(app.results()).toBeVisible();
    await expectAccessible(page);
  });

  test('a finished batch', async ({ app, page }) => {
    await app.documents(
      Array.from({ length: 60 }, (_, index) =>
        index % 2 ? `Ticket ${index}: the app crashes on start.` : `Ticket ${index}: refund me.`,
      ),
    );
    await app.submit();
    await done(page);
    await expect(app.results()).toBeVisible();
    await expectAccessible(page);
  });

  test('the delete-project dialog', async ({ app }) => {
    const { page } = app;
    await page.getByRole('button', { name: 'Delete project', exact: true }).click();
    await expect(page.getByRole('dialog', { name: /^Delete project / })).toBeVisible();
    await expectAccessible(page);
  });

  test('a refused file', async ({ app }) => {
    const { page } = app;
    await page.locator('input[type="file"]').setInputFiles({
      name: 'dupes.jsonl',
      mimeType: 'application/x-ndjson',
      buffer: Buffer.from('{"id":"a","text":"one"}\n{"id":"a","text":"two"}'),
    });
    await expect(page.getByText(/^dupes\.jsonl cannot be used:/)).toBeVisible();
    await expectAccessible(page);
    await page.reload();
    await expect(page.getByText(/^dupes\.jsonl cannot be used:/)).toBeVisible();
    await expectAccessible(page);
  });

  test('the keyboard shortcuts and delete-run dialogs, and a corrected row', async ({
    app,
    page,
  }) => {
    await app.submit();
    await done(page);
    // A row selected and corrected: its "Corrected: …" line on the selected row's tint.
    await app.row('doc2').getByRole('button', { name: 'doc2' }).click();
    await page.keyboard.press('2');
    await expect(app.row('doc2')).toContainText('Corrected:');
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
    const shortcuts = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(shortcuts.getByRole('button', { name: 'Close' })).toBeVisible();
    await expect(page.getByRole('banner')).toHaveCount(1);
    await expectAccessible(page);
    await shortcuts.getByRole('button', { name: 'Close' }).click();

    const runs = page.getByRole('table', { name: 'Runs' });
    await runs.getByRole('button', { name: /^Delete / }).click();
    const deleteRun = page.getByRole('dialog', { name: /^Delete the run / });
    await expect(deleteRun.getByRole('button', { name: 'Close' })).toBeVisible();
    await expect(page.getByRole('banner')).toHaveCount(1);
    await expectAccessible(page);
  });

  test('the evaluation of a labelled import', async ({ app, page }) => {
    await page.locator('input[type="file"]').setInputFiles({
      name: 'tickets.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        [
          'ticket_id,body,expected',
          'T-1,"I was charged twice, please refund the invoice",Billing',
          'T-2,"The app crashes with an error",TechnicalIssue',
          'T-3,"Where is my parcel? The tracking number shows nothing",Billing',
        ].join('\r\n'),
      ),
    });
    await page.getByRole('combobox', { name: 'Text column' }).selectOption({ label: 'body' });
    await page.getByRole('combobox', { name: 'ID column' }).selectOption({ label: 'ticket_id' });
    await page.getByRole('combobox', { name: 'Label column' }).selectOption({ label: 'expected' });
    await expect(page.getByText('Using 3 documents from tickets.csv')).toBeVisible();
    await app.submit();
    await done(page);
    await expect(page.getByRole('region', { name: 'Evaluation' })).toBeVisible();
    await expectAccessible(page);
  });
});

test('the Settings menu picks light or dark over the system, and is remembered', async ({
  app,
}) => {
  const { page } = app;
  await page.emulateMedia({ colorScheme: 'light' });
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('menuitemradio', { name: 'Dark' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByRole('menuitemradio', { name: 'Dark' })).toHaveAttribute(
    'aria-checked',
    'true',
  );
  await page.getByRole('menuitemradio', { name: /^Auto/ }).click();
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'light');
});
