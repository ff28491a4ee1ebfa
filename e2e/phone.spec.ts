import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures';

test.use({ viewport: { width: 390, height: 844 } });

/**
 * Entirely inside the viewport's width and inside every box around it that clips or scrolls
 * (a table's scroll container), so nobody has to scroll sideways to read it.
 */
async function expectWithinWidth(locator: Locator, width: number) {
  const box = (await locator.boundingBox()) ?? { x: -1, width: 0 };
  expect(box.x, 'on screen').toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(width);
  const clipped = await locator.evaluate((element) => {
    const { left, right } = element.getBoundingClientRect();
    for (let box = element.parentElement; box; box = box.parentElement) {
      if (getComputedStyle(box).overflowX === 'visible') continue;
      const edges = box.getBoundingClientRect();
      if (left < edges.left - 0.5 || right > edges.right + 0.5) return box.className;
    }
    return undefined;
  });
  expect(clipped, 'cut off by a scrolling box').toBeUndefined();
}

/** No part of it hides words it cannot fit (an ellipsis, or a clipped label). */
async function expectUncut(locator: Locator) {
  const cut = await locator.evaluate((element) =>
    [element, ...element.querySelectorAll('*')].some(
      (part) =>
        getComputedStyle(part).overflowX !== 'visible' && part.scrollWidth > part.clientWidth + 1,
    ),
  );
  expect(cut, 'words cut off').toBe(false);
}

test('on a phone the page never scrolls sideways, and a result shows its class and confidence', async ({
  app,
  page,
}) => {
  const header = page.getByRole('banner');
  // The menus' stand-ins give way to the menus once their chunk is in.
  await expect(header.getByRole('button', { name: /More demos/ })).toBeEnabled();
  await expect(header.getByRole('button', { name: 'Settings' })).toBeEnabled();
  await expectWithinWidth(header.getByRole('button', { name: /More demos/ }), 390);
  await expectWithinWidth(header.getByRole('button', { name: 'Settings' }), 390);
  const title = header.getByRole('heading', { name: 'Classify Console' });
  expect((await title.boundingBox())?.height, 'the title on one line').toBeLessThan(40);

  await app.submit();
  await expect(page.getByLabel('Run: Done', { exact: true })).toBeVisible({ timeout: 20_000 });
  const first = app.results().getByRole('row').nth(1);
  await first.scrollIntoViewIfNeeded();
  await expectWithinWidth(first.getByText('Billing').first(), 390);
  await expectWithinWidth(first.getByText(/^\d{1,3}\.\d%$/).first(), 390);

  // Words are whole: the suggestions' Refresh and the run's status badge were cut ("Runn…").
  await expectUncut(page.getByRole('button', { name: 'Refresh' }));
  await expectUncut(page.getByLabel('Run: Done', { exact: true }));
  await expectUncut(page.getByLabel(/^Status: /).first());

  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, 'page wider than the screen').toBe(0);
});
