import { expect, test } from '@playwright/test';

// The built page carries its first screen (scripts/prerender.ts): painted before any script runs,
// inert and hidden from assistive technology until React replaces it.
test.describe('the first paint', () => {
  test('shows the form before any script, as a picture nothing can act on', async ({
    browser,
    baseURL,
  }) => {
    const context = await browser.newContext({ baseURL });
    const page = await context.newPage();
    await page.route('**/assets/*.js', (route) => route.abort());
    await page.goto('/');
    const picture = page.locator('[data-prerendered]');
    await expect(picture).toBeVisible();
    await expect(picture).toHaveAttribute('inert', '');
    await expect(picture).toHaveAttribute('aria-hidden', 'true');
    await expect(picture.getByText('Text to classify')).toBeVisible();
    await expect(
      picture.locator('input[value="https://demo.classify-console.invalid"]'),
    ).toHaveCount(1);
    // Hidden from the accessibility tree: no role query finds the copy.
    await expect(page.getByRole('button', { name: 'Submit job' })).toHaveCount(0);
    await context.close();
  });

  test('gives way to the live page, which looks the same', async ({ page }) => {
    await page.goto('/');
    await expect(page.locator('[data-prerendered]')).toHaveCount(0);
    await expect(page.getByRole('textbox', { name: 'Endpoint' })).toHaveValue(
      'https://demo.classify-console.invalid',
    );
    await expect(page.getByRole('button', { name: 'Submit job' })).toBeEnabled();
  });

  test('is not shown to a returning visitor, whose settings differ', async ({
    browser,
    baseURL,
  }) => {
    const context = await browser.newContext({ baseURL });
    await context.addInitScript(() =>
      localStorage.setItem(
        'classify-console:connection',
        JSON.stringify({ state: { endpoint: 'https://contoso.cognitiveservices.azure.com' } }),
      ),
    );
    const page = await context.newPage();
    await page.route('**/assets/*.js', (route) => route.abort());
    await page.goto('/');
    await expect(page.locator('[data-prerendered]')).toBeHidden();
    await context.close();
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
    await context.close();
  });
});
