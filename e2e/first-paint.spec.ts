import { expect, test, type Page, type Route } from '@playwright/test';

// The built page carries its first screen (scripts/prerender.ts): painted before any script runs,
// inert and hidden from assistive technology until React hydrates it (a first visit) or renders the
// page afresh (a returning visitor, whose settings differ). src/main.tsx decides.

const DEMO_ENDPOINT = 'https://demo.classify-console.invalid';
const CONTOSO = 'https://contoso.cognitiveservices.azure.com';

/** The app's scripts are held back until `release` (or for good, without it). */
async function holdScripts(page: Page) {
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  const held = (route: Route) => released.then(() => route.continue());
  await page.route('**/assets/*.js', held);
  return { release };
}

/**
 * What the page reports as errors (React's hydration mismatches among them), but for the
 * browser's own line on a request that failed: the made-up Contoso resource is not on the network.
 */
function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    const text = message.text();
    if (message.type() === 'error' && !text.startsWith('Failed to load resource'))
      errors.push(text);
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

const live = (page: Page) =>
  page.waitForFunction(() => document.querySelector('[data-prerendered]') === null);

test.describe('the first paint', () => {
  test('shows the form before any script, inert and hidden from assistive technology', async ({
    page,
  }) => {
    await page.route('**/assets/*.js', (route) => route.abort());
    await page.goto('/');
    const root = page.locator('#root');
    await expect(root).toHaveAttribute('data-prerendered', '');
    await expect(root).toHaveAttribute('inert', '');
    await expect(root).toHaveAttribute('aria-hidden', 'true');
    await expect(root.getByText('Text to classify')).toBeVisible();
    await expect(root.locator(`input[value="${DEMO_ENDPOINT}"]`)).toHaveCount(1);
    // Hidden from the accessibility tree: no role query finds controls that cannot act yet.
    await expect(page.getByRole('button', { name: 'Submit job' })).toHaveCount(0);
  });

  test('goes live in place on a first visit: React hydrates the nodes painted first', async ({
    page,
  }) => {
    const errors = collectErrors(page);
    const scripts = await holdScripts(page);
    await page.goto('/', { waitUntil: 'commit' });
    const painted = page.locator(`#root input[value="${DEMO_ENDPOINT}"]`);
    const endpointBefore = await painted.elementHandle();
    const endpointId = await painted.getAttribute('id');
    const submitBefore = await page
      .locator('#root button', { hasText: 'Submit job' })
      .elementHandle();
    // Before React owns it, the screen takes no input that would be lost.
    await expect(page.locator('#root')).toHaveAttribute('inert', '');
    scripts.release();
    await live(page);

    const endpoint = page.getByRole('textbox', { name: 'Endpoint' });
    await expect(endpoint).toHaveValue(DEMO_ENDPOINT);
    const submit = page.getByRole('button', { name: 'Submit job' });
    await expect(submit).toBeEnabled();
    // The very nodes of the first paint, not copies: nothing was drawn twice.
    expect(await endpointBefore.evaluate((node) => node.isConnected)).toBe(true);
    expect(await endpoint.evaluate((node, before) => node === before, endpointBefore)).toBe(true);
    expect(await submit.evaluate((node, before) => node === before, submitBefore)).toBe(true);
    await expect(page.locator('#root')).not.toHaveAttribute('inert');
    await expect(page.locator('#root')).not.toHaveAttribute('aria-hidden');
    // With their ids: a field whose id changed after hydrating was rendered a second time, at once
    // (Mantine's useId did that to every field; vite.config.ts, mantineStableIds).
    expect(endpointId).toMatch(/^mantine-/);
    await expect(endpoint).toHaveAttribute('id', endpointId ?? '');

    // And they are live: what is typed is the app's.
    await endpoint.fill(CONTOSO);
    await page.reload();
    await live(page);
    await expect(page.getByRole('textbox', { name: 'Endpoint' })).toHaveValue(CONTOSO);
    expect(errors).toEqual([]);
  });

  test('a returning visitor sees their own settings, never the demo screen', async ({ page }) => {
    const errors = collectErrors(page);
    await page.goto('/');
    await live(page);
    await page.getByRole('textbox', { name: 'Endpoint' }).fill(CONTOSO);
    await page.getByRole('textbox', { name: 'Documents' }).fill('My own ticket: refund me.');
    // The first visit's chunks are all in: none is cut off by the next navigation.
    await page.waitForLoadState('networkidle');

    // Before any script: the prerendered screen (the demo's values) stays hidden.
    const scripts = await holdScripts(page);
    await page.goto('/', { waitUntil: 'commit' });
    await expect(page.locator('html')).toHaveAttribute('data-returning', '');
    await expect(page.locator('#root')).toBeHidden();
    scripts.release();
    await live(page);

    await expect(page.getByRole('textbox', { name: 'Endpoint' })).toHaveValue(CONTOSO);
    await expect(page.getByRole('textbox', { name: 'Documents' })).toHaveValue(
      'My own ticket: refund me.',
    );
    expect(errors).toEqual([]);
  });

  test('follows the saved color scheme before any script', async ({ browser, baseURL }) => {
    const context = await browser.newContext({ baseURL, colorScheme: 'light' });
    await context.addInitScript(() =>
      localStorage.setItem('classify-console:color-scheme', 'dark'),
    );
    const page = await context.newPage();
    await page.route('**/assets/*.js', (route) => route.abort());
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
    // A color scheme alone changes no markup: it is still a first visit's screen.
    await expect(page.locator('html')).not.toHaveAttribute('data-returning');
    await expect(page.locator('#root').getByText('Text to classify')).toBeVisible();
    await context.close();
  });

  test('hydrates with the saved color scheme without a mismatch', async ({ browser, baseURL }) => {
    const context = await browser.newContext({ baseURL, colorScheme: 'light' });
    await context.addInitScript(() =>
      localStorage.setItem('classify-console:color-scheme', 'dark'),
    );
    const page = await context.newPage();
    const errors = collectErrors(page);
    const scripts = await holdScripts(page);
    await page.goto('/', { waitUntil: 'commit' });
    const endpointBefore = await page
      .locator(`#root input[value="${DEMO_ENDPOINT}"]`)
      .elementHandle();
    scripts.release();
    await live(page);
    await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
    expect(await endpointBefore.evaluate((node) => node.isConnected)).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });
});
