import type { Page } from '@playwright/test';
import { DEMO_LABELLED_TICKETS } from '../src/demo/demo-labelled-tickets';
import { expect, test, type ConsolePage } from './fixtures';

// A laptop screen: the form fills it, so everything a click changes is below the fold.
test.use({ viewport: { width: 1440, height: 900 } });

const runStatus = (page: Page) => page.getByLabel(/^Run: /);
const done = (page: Page) =>
  expect(page.getByLabel('Run: Done', { exact: true })).toBeVisible({ timeout: 20_000 });

async function submitNamed(app: ConsolePage, jobName: string) {
  await app.field('Job name').fill(jobName);
  await app.page.getByRole('button', { name: 'Submit job' }).focus();
  await app.page.keyboard.press('Enter');
  await expect(app.page.getByRole('region', { name: 'Run', exact: true })).toContainText(jobName);
}

test('Submit, Open and Delete each show what they changed and put the focus there', async ({
  app,
  page,
}) => {
  await submitNamed(app, 'first');
  await expect(runStatus(page)).toBeFocused();
  await expect(runStatus(page)).toBeInViewport();
  await done(page);
  await submitNamed(app, 'second');
  await expect(runStatus(page)).toBeFocused();
  await submitNamed(app, 'third');
  await done(page);

  // Runs → Open: the run opened comes into view, its status focused.
  const runs = page.getByRole('table', { name: 'Runs' });
  await runs.getByRole('button', { name: 'Open first' }).click();
  await expect(page.getByRole('region', { name: 'Run', exact: true })).toContainText('first');
  await expect(runStatus(page)).toBeFocused();
  await expect(runStatus(page)).toBeInViewport();

  // Deleting a run: the next row takes the focus, else the previous one, else the Runs heading.
  const deleteRun = async (name: string) => {
    await runs.getByRole('button', { name: `Delete ${name}` }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete run' }).click();
    await expect(runs.getByRole('button', { name: `Delete ${name}` })).toHaveCount(0);
  };
  await deleteRun('third');
  await expect(runs.getByRole('button', { name: 'Delete second' })).toBeFocused();
  await deleteRun('first');
  await expect(runs.getByRole('button', { name: 'Delete second' })).toBeFocused();
  await expect(runs.getByRole('button', { name: 'Delete second' })).toBeInViewport();
  await deleteRun('second');
  const heading = page.getByRole('heading', { name: 'Runs' });
  await expect(heading).toBeFocused();
  await expect(heading).toBeInViewport();
  await expect(page.getByText('No runs left in this browser.')).toBeVisible();
  await expect(page.locator('body')).not.toBeFocused();
});

test('a confusion-matrix cell brings the documents it shows into view', async ({ app, page }) => {
  await page.locator('input[type="file"]').setInputFiles({
    name: 'labelled-tickets.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(
      [
        'id,text,label',
        ...DEMO_LABELLED_TICKETS.map(
          ({ id, text, label }) => `${id},"${text.replaceAll('"', '""')}",${label}`,
        ),
      ].join('\n'),
    ),
  });
  await page.getByRole('combobox', { name: 'Label column' }).selectOption({ label: 'label' });
  await app.submit();
  await done(page);
  const matrix = page.getByRole('table', { name: 'Confusion matrix' });
  await matrix
    .getByRole('button', { name: /labelled \w+, predicted \w+$/ })
    .first()
    .click();
  await expect(page.getByText(/^Showing: /)).toBeInViewport();
  await expect(app.results().getByRole('rowheader').first()).toBeInViewport();
});
