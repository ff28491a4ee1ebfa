import { expect, test, untilLive, type ConsolePage } from './fixtures';
import type { Page } from '@playwright/test';

// Two tabs and a demo run each: more than the default on a busy machine.
test.describe.configure({ timeout: 150_000 });

/** Another tab of the same browser (one context: one localStorage, one IndexedDB). */
async function anotherTab(page: Page): Promise<Page> {
  const tab = await page.context().newPage();
  await tab.goto('/');
  await untilLive(tab);
  return tab;
}

const keyField = (page: Page) => page.getByRole('textbox', { name: 'Key', exact: true });

async function rememberKey(app: ConsolePage, key: string) {
  await app.field('Key').fill(key);
  await app.page.getByLabel('Remember key on this device').click();
  await expect(app.page.getByLabel('Remember key on this device')).toBeChecked();
}

test('Forget key in one tab stays forgotten when another tab, loaded with the key, edits', async ({
  app,
  page,
}) => {
  await rememberKey(app, 'secret-123');
  const other = await anotherTab(page);
  await expect(keyField(other)).toHaveValue('secret-123');

  await page.getByRole('button', { name: 'Forget key' }).click();
  // The other tab follows at once: the key it had from the device is gone there too.
  await expect(keyField(other)).toHaveValue('');
  await expect(other.getByLabel('Remember key on this device')).not.toBeChecked();
  await other
    .getByRole('textbox', { name: 'Endpoint', exact: true })
    .fill('https://fabrikam.cognitiveservices.azure.com');
  // And the settings follow the other way.
  await expect(app.field('Endpoint')).toHaveValue('https://fabrikam.cognitiveservices.azure.com');

  await page.reload();
  await expect(app.field('Endpoint')).toHaveValue('https://fabrikam.cognitiveservices.azure.com');
  await expect(keyField(page)).toHaveValue('');
  expect(await page.evaluate(() => JSON.stringify(localStorage))).not.toContain('secret-123');
});

test('Erase all data on this device asks first, then every tab opens as on a first visit', async ({
  app,
  page,
}) => {
  await app.submit();
  await expect(page.getByLabel('Run: Done', { exact: true })).toBeVisible({ timeout: 40_000 });
  await rememberKey(app, 'secret-456');
  await app.field('Project name').fill('MyProject');
  await app.documents(['My own words']);
  const other = await anotherTab(page);
  await expect(other.getByRole('heading', { name: 'Runs' })).toBeVisible();

  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('menuitem', { name: 'Erase all data on this device' }).click();
  const dialog = page.getByRole('dialog', { name: 'Erase all data on this device?' });
  await expect(dialog).toContainText('the connection settings and the remembered key');
  await dialog.getByRole('button', { name: 'Keep my data' }).click();
  await expect(dialog).toBeHidden();
  await expect(app.field('Project name')).toHaveValue('MyProject');

  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('menuitem', { name: 'Erase all data on this device' }).click();
  await dialog.getByRole('button', { name: 'Erase everything' }).click();

  // Both tabs reload (the other one told by the erasing one); the assertions wait for it.
  for (const tab of [page, other]) {
    // A first visit: the demo's settings and sample, no runs, no key of the user's.
    await expect(tab.getByRole('textbox', { name: 'Endpoint', exact: true })).toHaveValue(
      'https://demo.classify-console.invalid',
    );
    // The tab that starts first opens on the demo with its key; the other finds its settings.
    await expect(keyField(tab)).not.toHaveValue('secret-456');
    await expect(tab.getByLabel('Remember key on this device')).not.toBeChecked();
    await expect(tab.getByRole('textbox', { name: 'Documents', exact: true })).not.toHaveValue(
      'My own words',
    );
    await expect(tab.getByRole('button', { name: 'Submit job' })).toBeEnabled();
  }
  // The runs load when the page is idle: give them the time to show, if any were left.
  await page.waitForFunction(
    () => new Promise((resolve) => setTimeout(() => resolve(true), 1_000)),
  );
  await expect(page.getByRole('heading', { name: 'Runs' })).toBeHidden();
  const stored = await page.evaluate(async () => {
    const runs = await new Promise<number>((resolve) => {
      const request = indexedDB.open('classify-console-runs');
      request.onsuccess = () => {
        const db = request.result;
        const count = db.objectStoreNames.contains('runs')
          ? db.transaction('runs').objectStore('runs').count()
          : undefined;
        if (!count) {
          db.close();
          resolve(0);
          return;
        }
        count.onsuccess = () => {
          db.close();
          resolve(count.result);
        };
      };
    });
    return { runs, local: JSON.stringify(localStorage) };
  });
  expect(stored.runs).toBe(0);
  expect(stored.local).not.toContain('secret-456');
  expect(stored.local).not.toContain('MyProject');
  expect(stored.local).not.toContain('classify-console:key');
});

test('deleting a run clears the imported file its documents came from', async ({ app, page }) => {
  await page.locator('input[type="file"]').setInputFiles({
    name: 'records.jsonl',
    mimeType: 'application/x-ndjson',
    buffer: Buffer.from(
      [
        '{"id":"r1","text":"Please refund the invoice, I was charged twice"}',
        '{"id":"r2","text":"The app crashes on start"}',
      ].join('\n'),
    ),
  });
  await expect(page.getByText('Using 2 documents from records.jsonl')).toBeVisible();
  await app.submit();
  await expect(page.getByLabel('Run: Done', { exact: true })).toBeVisible({ timeout: 40_000 });
  const runs = page.getByRole('region', { name: 'Runs' });
  await runs.getByRole('button', { name: /^Delete / }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete run' }).click();
  await expect(page.getByText('Using 2 documents from records.jsonl')).toBeHidden();
  await expect(app.field('Documents')).toBeVisible();
  await page.reload();
  await expect(page.getByText(/^Using \d+ documents? from/)).toBeHidden();
});

test('the header is in Tab order as it is seen, left to right', async ({ app }) => {
  const { page } = app;
  const header = page.getByRole('banner');
  await expect(header.getByRole('button', { name: 'Settings' })).toBeEnabled();
  const seen: { name: string; x: number }[] = [];
  await page.locator('body').focus();
  for (let step = 0; step < 3; step += 1) {
    await page.keyboard.press('Tab');
    seen.push(
      await page.evaluate(() => {
        const focused = document.activeElement;
        return {
          name: focused?.textContent.trim() ?? '',
          x: focused?.getBoundingClientRect().left ?? -1,
        };
      }),
    );
  }
  expect(seen.map(({ name }) => name)).toEqual(['Try the demo', 'More demos ▾', 'Settings ▾']);
  const xs = seen.map(({ x }) => x);
  expect(xs).toEqual([...xs].sort((a, b) => a - b));
});
