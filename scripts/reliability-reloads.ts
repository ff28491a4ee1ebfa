import { chromium, type Page } from '@playwright/test';
import { DEMO_KEY } from '../src/demo/demo-settings';
import { formField } from './app-server';
import { launchOptions } from './chromium';
import { startServiceServer } from './service-server';

/**
 * A run of 2,000 documents in the real app (Chromium, the production build) against the
 * simulated service over HTTP, with the page reloaded at random moments. A "user" types the key
 * again after each reload when it is not remembered, and presses Send again for a job the app
 * says may have been sent. Counted from the requests themselves: documents lost, jobs sent twice
 * without the user's choice, results present at the end.
 */

const DOCUMENTS = Number(process.env.RELIABILITY_RELOAD_DOCUMENTS ?? 2_000);
const RELOADS = Number(process.env.RELIABILITY_RELOADS ?? 20);

export interface ReloadFigures {
  reloads: number;
  documentsLost: number;
  sentTwiceUnasked: number;
  resentByUser: number;
  resultsPresent: number;
  seconds: number;
}

export const jsonl = (count: number) =>
  Array.from({ length: count }, (_, index) =>
    JSON.stringify({
      id: `doc${index + 1}`,
      text:
        index % 2 === 0
          ? `Ticket ${index + 1}: I was charged twice, please refund my invoice.`
          : `Ticket ${index + 1}: the app crashes with an error on start.`,
    }),
  ).join('\n');

/** The first document id of a submission, which names the job it carries. */
export function firstIdOf(body: string | null): string | undefined {
  if (!body) return undefined;
  try {
    const parsed: unknown = JSON.parse(body);
    const documents: unknown = Reflect.get(
      Reflect.get(Object(parsed), 'analysisInput') ?? {},
      'documents',
    );
    const first: unknown = Array.isArray(documents) ? documents[0] : undefined;
    const id: unknown = first ? Reflect.get(Object(first), 'id') : undefined;
    return typeof id === 'string' ? id : undefined;
  } catch {
    return undefined;
  }
}

const random = (() => {
  let state = 20261201;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) % 2 ** 32;
    return state / 2 ** 32;
  };
})();

async function typeKeyIfMissing(page: Page) {
  const key = page.getByRole('textbox', { name: 'Key', exact: true });
  if ((await key.inputValue()) === '') await key.fill(DEMO_KEY);
}

/** Sends again every job the app says may have been sent: the user's choice, counted per job. */
export async function resendUnsure(page: Page): Promise<string[]> {
  const attention = page.getByRole('table', { name: 'Jobs that need attention' });
  if (!(await attention.isVisible())) return [];
  const rows = attention.getByRole('row').filter({
    has: page.getByRole('button', { name: /^Send again job \d+$/ }),
  });
  const firsts = (await rows.allTextContents()).flatMap((text) => {
    const first = /\((doc\d+)/.exec(text)?.[1];
    return first ? [first] : [];
  });
  if (firsts.length === 0) return [];
  const all = page.getByRole('button', { name: /^Send all [\d,]+ again$/ });
  if (firsts.length > 1 && (await all.isVisible())) await all.click();
  else
    await rows
      .first()
      .getByRole('button', { name: /^Send again job \d+$/ })
      .click();
  await page.waitForTimeout(300);
  return firsts.length > 1 ? firsts : firsts.slice(0, 1);
}

export async function reloadsDuringRun(
  appUrl: string,
  rememberKey: boolean,
): Promise<ReloadFigures> {
  // Jobs of 4.6 s: the run lasts long enough for all its reloads to land inside it.
  const service = await startServiceServer({ port: 0, timing: { queuedMs: 600, runMs: 4_000 } });
  const browser = await chromium.launch(launchOptions);
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const submissions = new Map<string, number>();
  page.on('request', (request) => {
    if (request.method() !== 'POST' || !request.url().includes('/language/analyze-text/jobs?'))
      return;
    const first = firstIdOf(request.postData());
    if (first) submissions.set(first, (submissions.get(first) ?? 0) + 1);
  });
  try {
    await page.goto(appUrl);
    const field = (name: string) => formField(page, name);
    await field('Endpoint').fill(service.origin);
    await field('Key').fill(DEMO_KEY);
    if (rememberKey)
      await page.getByRole('checkbox', { name: 'Remember key on this device' }).check();
    await field('Project name').fill('SupportTickets');
    await field('Deployment name').fill('production');
    await page.locator('input[type="file"]').setInputFiles({
      name: 'tickets.jsonl',
      mimeType: 'application/x-ndjson',
      buffer: Buffer.from(jsonl(DOCUMENTS)),
    });
    await page.getByText(`Using ${DOCUMENTS.toLocaleString('en-US')} documents from`).waitFor();
    const started = Date.now();
    await page.getByRole('button', { name: 'Submit job' }).click();
    await page.getByRole('region', { name: 'Run', exact: true }).waitFor();

    const resentByUser = new Map<string, number>();
    const done = page.getByLabel('Run: Done', { exact: true });
    let reloads = 0;
    while (reloads < RELOADS && !(await done.isVisible())) {
      await page.waitForTimeout(100 + random() * 900);
      await page.reload();
      reloads++;
      await page.getByRole('region', { name: 'Run', exact: true }).waitFor();
      if (!rememberKey) await typeKeyIfMissing(page);
      for (const first of await resendUnsure(page)) {
        resentByUser.set(first, (resentByUser.get(first) ?? 0) + 1);
      }
    }
    // Let it finish, answering any last question the same way.
    const deadline = Date.now() + 5 * 60_000;
    while (!(await done.isVisible()) && Date.now() < deadline) {
      for (const first of await resendUnsure(page)) {
        resentByUser.set(first, (resentByUser.get(first) ?? 0) + 1);
      }
      await page.waitForTimeout(500);
    }
    await done.waitFor({ timeout: 10_000 });
    const seconds = (Date.now() - started) / 1000;
    const total = DOCUMENTS.toLocaleString('en-US');
    await page.getByText(`Showing ${total} of ${total}`).waitFor({ timeout: 60_000 });
    const summary =
      (await page
        .getByRole('region', { name: 'Run', exact: true })
        .getByText(/ documents · .* jobs/)
        .textContent()) ?? '';
    const shown = Number(
      /of ([\d,]+) documents/
        .exec((await page.getByText(/^Showing [\d,]+ of/).textContent()) ?? '')?.[1]
        ?.replaceAll(',', '') ?? 0,
    );
    const done_ = Number(/^([\d,]+) \//.exec(summary)?.[1]?.replaceAll(',', '') ?? 0);
    let sentTwiceUnasked = 0;
    for (const [first, count] of submissions) {
      sentTwiceUnasked += Math.max(0, count - 1 - (resentByUser.get(first) ?? 0));
    }
    return {
      reloads,
      documentsLost: DOCUMENTS - done_,
      sentTwiceUnasked,
      resentByUser: [...resentByUser.values()].reduce((sum, n) => sum + n, 0),
      resultsPresent: shown,
      seconds,
    };
  } finally {
    await browser.close();
    await service.close();
  }
}
