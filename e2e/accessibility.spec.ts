import type { Page } from '@playwright/test';
import { axeViolations, SCHEMES, showIn } from './axe';
import { expect, test } from './fixtures';

/** No WCAG 2.1 A/AA violation in the state the page is in, in light and in dark. */
async function expectAccessible(page: Page) {
  for (const scheme of SCHEMES) {
    await showIn(page, scheme);
    expect(await axeViolations(page), `axe violations in ${scheme}`).toEqual([]);
  }
}

const done = (page: Page) =>
  expect(page.getByLabel('Run: Done', { exact: true })).toBeVisible({ timeout: 20_000 });

test.describe('accessible in every state, light and dark', () => {
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
