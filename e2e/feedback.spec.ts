import type { Page } from '@playwright/test';
import { expect, labelledTicketsCsv, test, type ConsolePage } from './fixtures';

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

test('a submit the form refuses takes the focus to the field that says why', async ({
  app,
  page,
}) => {
  const endpoint = app.field('Endpoint');
  await endpoint.fill('https://myres.cognitiveservices.azure.com/language');
  await page.getByRole('button', { name: 'Submit job' }).click();
  await expect(endpoint).toBeFocused();
  await expect(endpoint).toHaveAccessibleDescription(/Enter only the resource address/);
  await expect(page.getByRole('region', { name: 'Run', exact: true })).toHaveCount(0);
});

test('on a labelled run: a matrix cell brings its documents into view; the chart and threshold are whole', async ({
  app,
  page,
}) => {
  await page.locator('input[type="file"]').setInputFiles(labelledTicketsCsv);
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

  // The coverage chart's ticks are whole: "100%" was cut to "100'" at the right edge.
  const chart = page.getByRole('img', { name: 'Accuracy against coverage' });
  const chartBox = await chart.boundingBox();
  const ticks = chart.locator('text', { hasText: '100%' });
  await expect(ticks).toHaveCount(2);
  for (const tick of await ticks.all()) {
    const box = await tick.boundingBox();
    if (!chartBox || !box) throw new Error('no boxes');
    expect(box.x + box.width).toBeLessThanOrEqual(chartBox.x + chartBox.width);
    expect(box.x).toBeGreaterThanOrEqual(chartBox.x);
  }

  // Holding the threshold's thumb leaves its label readable: nothing is drawn over it.
  const slider = page.getByRole('slider', { name: 'Confidence threshold' });
  await slider.hover();
  await page.mouse.down();
  const label = page.getByText(/^Confidence threshold: /);
  const covered = await label.evaluate((element) => {
    const { left, right, top, bottom } = element.getBoundingClientRect();
    const points = [0.1, 0.5, 0.9].map((share) => [
      left + (right - left) * share,
      (top + bottom) / 2,
    ]);
    return points.some(([x = 0, y = 0]) => {
      const hit = document.elementFromPoint(x, y);
      return hit !== null && hit !== element && !element.contains(hit);
    });
  });
  await page.mouse.up();
  expect(covered, 'the threshold label is covered').toBe(false);
});
