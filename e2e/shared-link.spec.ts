import { DEMO_ENDPOINT, DEMO_KEY, expect, test } from './fixtures';

/** A link to the app whose fragment carries a view with this endpoint (as Share view makes them). */
function linkTo(endpoint: string): string {
  const view = {
    endpoint,
    apiVersion: '2023-04-01',
    labelMode: 'single',
    projectName: 'SupportTickets',
    deploymentName: 'production',
  };
  return `/#view=${encodeURIComponent(JSON.stringify(view))}`;
}

/** Long enough that a text field would cut it: the tail is what gives it away. */
const FOREIGN =
  'https://contoso-language.cognitiveservices.azure.com.some-long-attacker-controlled-name.evil.example';

test.describe('a shared link that would change the endpoint', () => {
  test('asks on a first visit, shows the whole host and warns it is not Azure AI', async ({
    page,
  }) => {
    await page.goto(linkTo(FOREIGN));
    const dialog = page.getByRole('dialog', { name: 'Open the shared view?' });
    await expect(dialog).toBeVisible();
    const host = dialog.getByText(FOREIGN, { exact: true });
    await expect(host).toBeVisible();
    // Wrapped, not cut: nothing of it hides past the edge.
    expect(await host.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);
    await expect(dialog.getByRole('alert')).toContainText(
      'contoso-language.cognitiveservices.azure.com.some-long-attacker-controlled-name.evil.example is not an Azure AI Language host',
    );
    await dialog.getByRole('button', { name: 'Keep my settings' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('textbox', { name: 'Endpoint', exact: true })).toHaveValue(
      DEMO_ENDPOINT,
    );
    await expect(page).toHaveURL(/\/$/);
  });

  test('asks on the demo too, and opening it clears the key', async ({ app, page }) => {
    await expect(app.field('Endpoint')).toHaveValue(DEMO_ENDPOINT);
    await expect(app.field('Key')).toHaveValue(DEMO_KEY);
    const endpoint = 'https://other-resource.cognitiveservices.azure.com';
    await page.goto(linkTo(endpoint));
    const dialog = page.getByRole('dialog', { name: 'Open the shared view?' });
    await expect(dialog.getByText(endpoint, { exact: true })).toBeVisible();
    // An Azure AI host: asked, not warned.
    await expect(dialog.getByRole('alert')).toHaveCount(0);
    await expect(app.field('Endpoint')).toHaveValue(DEMO_ENDPOINT);
    await dialog.getByRole('button', { name: 'Open shared view' }).click();
    await expect(app.field('Endpoint')).toHaveValue(endpoint);
    await expect(app.field('Key')).toHaveValue('');
  });

  test('is refused, with the reason, when its host is one curl would expand', async ({
    app,
    page,
  }) => {
    await page.goto(linkTo('https://contoso-language.cognitiveservices.azure.com{,.evil.example}'));
    const dialog = page.getByRole('dialog', { name: 'The shared view could not be opened' });
    await expect(dialog).toContainText('“{”, “,”, “}”');
    await expect(dialog).toContainText('Your settings were not changed.');
    await dialog.getByRole('button', { name: 'Keep my settings' }).click();
    await expect(app.field('Endpoint')).toHaveValue(DEMO_ENDPOINT);
    await expect(app.field('Key')).toHaveValue(DEMO_KEY);
  });
});
