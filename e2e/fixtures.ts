import { test as base, expect, type Page } from '@playwright/test';
import { startServiceServer } from '../scripts/service-server';
import { DEMO_LABELLED_TICKETS } from '../src/demo/demo-labelled-tickets';
import { SERVICE_PORT } from './ports';

export type Service = Awaited<ReturnType<typeof startServiceServer>>;

export const DEMO_ENDPOINT = 'https://demo.classify-console.invalid';
export const DEMO_KEY = 'demo-key-0000';
/** The simulated service served over real HTTP on loopback (see playwright.config.ts). */
export const HTTP_SERVICE = `http://127.0.0.1:${SERVICE_PORT}`;

/** The demo's labelled tickets (More demos → Labelled support tickets) as a CSV, the way an analyst brings them. */
export const labelledTicketsCsv = {
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
};

/** The app as a user sees it: fields by their labels, buttons by their names. */
export class ConsolePage {
  constructor(readonly page: Page) {}

  /** A text field by its label; Project name and Deployment name are comboboxes with suggestions. */
  field(label: string) {
    return this.page
      .getByRole('textbox', { name: label, exact: true })
      .or(this.page.getByRole('combobox', { name: label, exact: true }));
  }

  apiVersion() {
    return this.page.getByRole('combobox', { name: 'API version' });
  }

  async open() {
    await this.page.goto('/');
    await expect(this.page.getByRole('heading', { name: 'Classify Console' })).toBeVisible();
  }

  async fill(values: Record<string, string>) {
    for (const [label, value] of Object.entries(values)) {
      const field = this.field(label);
      // A combobox re-rendering under a busy machine once kept its old text ahead of the new:
      // fill again until the field holds exactly the value.
      await expect(async () => {
        await field.fill(value);
        await expect(field).toHaveValue(value, { timeout: 1_000 });
      }).toPass();
    }
  }

  /** The simulated service at `origin`, with the single-label sample project. */
  async connect(origin: string) {
    await this.fill({
      Endpoint: origin,
      Key: DEMO_KEY,
      'Project name': 'SupportTickets',
      'Deployment name': 'production',
    });
  }

  /** The demo's 40 labelled tickets, submitted and run to the end. */
  async runLabelledTickets(timeout = 20_000) {
    await this.page.locator('input[type="file"]').setInputFiles(labelledTicketsCsv);
    await this.page
      .getByRole('combobox', { name: 'Label column' })
      .selectOption({ label: 'label' });
    await expect(
      this.page.getByText(`Using ${DEMO_LABELLED_TICKETS.length} documents from`),
    ).toBeVisible();
    await this.submit();
    await expect(this.page.getByLabel('Run: Done', { exact: true })).toBeVisible({ timeout });
  }

  /** The review with the keyboard: the second row (ticket02) opened and labelled with key 1. */
  async correctSecondTicket() {
    const { page } = this;
    await this.results().getByRole('rowheader').first().click();
    await page.keyboard.press('Escape');
    await page.keyboard.press('j');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'ticket02' })).toBeVisible();
    // Key 1 again is the same label: pressed until the correction shows, as a key pressed while
    // a busy page was still attaching the panel's keys was once lost.
    await expect(async () => {
      await page.keyboard.press('1');
      await expect(
        this.results()
          .getByText(/Corrected: /)
          .first(),
      ).toBeVisible({
        timeout: 2_000,
      });
    }).toPass();
  }

  async documents(texts: string[]) {
    await this.field('Documents').fill(texts.join('\n\n'));
  }

  async chooseDemo(name: string) {
    await this.page.getByRole('button', { name: 'More demos' }).click();
    await this.page.getByRole('menuitem', { name }).click();
  }

  async submit() {
    await this.page.getByRole('button', { name: 'Submit job' }).click();
  }

  status(word: string) {
    return this.page.getByLabel(`Status: ${word}`);
  }

  results() {
    return this.page.getByRole('table', { name: 'Results' });
  }

  row(documentId: string) {
    return this.results()
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name: documentId, exact: true }) });
  }
}

/** The page is live once React owns the prerendered first screen (hydrated or rendered afresh). */
export async function untilLive(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelector('[data-prerendered]') === null);
}

export const test = base.extend<{ app: ConsolePage; service: Service }>({
  /** Every navigation waits until the page is live: the prerendered copy before it is inert. */
  page: async ({ page }, use) => {
    const goto = page.goto.bind(page);
    const reload = page.reload.bind(page);
    page.goto = async (...args) => {
      const response = await goto(...args);
      await untilLive(page);
      return response;
    };
    page.reload = async (...args) => {
      const response = await reload(...args);
      await untilLive(page);
      return response;
    };
    await use(page);
  },
  app: async ({ page }, use) => {
    const app = new ConsolePage(page);
    await app.open();
    await use(app);
  },
  /** A service of the test's own on a free loopback port, so faults and deletions never leak. */
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures must destructure their deps.
  service: async ({}, use) => {
    const service = await startServiceServer({ port: 0 });
    await use(service);
    await service.close();
  },
});

export { expect };
