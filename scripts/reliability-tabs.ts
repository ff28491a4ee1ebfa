import { chromium, type Page, type Request } from '@playwright/test';
import { DEMO_KEY } from '../src/demo/demo-settings';
import { formField } from './app-server';
import { launchOptions } from './chromium';
import { firstIdOf, jsonl, resendUnsure } from './reliability-reloads';
import { startServiceServer } from './service-server';

/**
 * One run open in several tabs of one browser (Chromium, the production build, the key
 * remembered), against the simulated service over HTTP. The tab that submitted it is closed
 * mid-run, then each next one that drives it, until one is left. One tab must drive the run at a
 * time: counted from the POSTs themselves, documents sent twice (without the user pressing Send
 * again) and documents lost.
 */

const DOCUMENTS = Number(process.env.RELIABILITY_TAB_DOCUMENTS ?? 1_000);

export interface TabFigures {
  tabs: number;
  closed: number;
  jobsSubmitted: number;
  documentsSentTwice: number;
  documentsLost: number;
  resentByUser: number;
  seconds: number;
}

const random = (() => {
  let state = 20261206;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) % 2 ** 32;
    return state / 2 ** 32;
  };
})();

function documentsIn(request: Request): number {
  try {
    const documents: unknown = Reflect.get(
      Reflect.get(Object(JSON.parse(request.postData() ?? '{}')), 'analysisInput') ?? {},
      'documents',
    );
    return Array.isArray(documents) ? documents.length : 0;
  } catch {
    return 0;
  }
}

async function runIsShown(page: Page): Promise<void> {
  await page.getByRole('region', { name: 'Run', exact: true }).waitFor({ timeout: 90_000 });
}

export async function tabsOnOneRun(appUrl: string, tabs: number): Promise<TabFigures> {
  const service = await startServiceServer({ port: 0, timing: { queuedMs: 600, runMs: 3_000 } });
  const browser = await chromium.launch(launchOptions);
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const submissions = new Map<string, { count: number; documents: number }>();
  context.on('request', (request) => {
    if (request.method() !== 'POST' || !request.url().includes('/language/analyze-text/jobs?'))
      return;
    const first = firstIdOf(request.postData());
    if (!first) return;
    const known = submissions.get(first);
    submissions.set(first, { count: (known?.count ?? 0) + 1, documents: documentsIn(request) });
  });
  try {
    const first = await context.newPage();
    await first.goto(appUrl);
    const field = (name: string) => formField(first, name);
    await field('Endpoint').fill(service.origin);
    await field('Key').fill(DEMO_KEY);
    await first.getByRole('checkbox', { name: 'Remember key on this device' }).check();
    await field('Project name').fill('SupportTickets');
    await field('Deployment name').fill('production');
    await first.locator('input[type="file"]').setInputFiles({
      name: 'tickets.jsonl',
      mimeType: 'application/x-ndjson',
      buffer: Buffer.from(jsonl(DOCUMENTS)),
    });
    await first.getByText(`Using ${DOCUMENTS.toLocaleString('en-US')} documents from`).waitFor();
    const started = Date.now();
    await first.getByRole('button', { name: 'Submit job' }).click();
    await runIsShown(first);
    const open: Page[] = [first];
    for (let index = 1; index < tabs; index++) {
      const page = await context.newPage();
      await page.goto(appUrl);
      await runIsShown(page);
      open.push(page);
    }
    // The driving tab goes away mid-run, then the one that took over, until one tab is left.
    let closed = 0;
    while (open.length > 1) {
      await open[0]?.waitForTimeout(1_500 + random() * 2_500);
      await open.shift()?.close();
      closed++;
    }
    const last = open[0];
    if (!last) throw new Error('No tab is left.');
    const resentByUser = new Map<string, number>();
    const done = last.getByLabel('Run: Done', { exact: true });
    const deadline = Date.now() + 5 * 60_000;
    while (!(await done.isVisible()) && Date.now() < deadline) {
      for (const id of await resendUnsure(last)) {
        resentByUser.set(id, (resentByUser.get(id) ?? 0) + 1);
      }
      await last.waitForTimeout(500);
    }
    await done.waitFor({ timeout: 10_000 });
    const seconds = (Date.now() - started) / 1000;
    const summary =
      (await last
        .getByRole('region', { name: 'Run', exact: true })
        .getByText(/ documents · .* jobs/)
        .textContent()) ?? '';
    const documentsDone = Number(/^([\d,]+) \//.exec(summary)?.[1]?.replaceAll(',', '') ?? 0);
    let documentsSentTwice = 0;
    for (const [id, { count, documents }] of submissions) {
      documentsSentTwice += Math.max(0, count - 1 - (resentByUser.get(id) ?? 0)) * documents;
    }
    return {
      tabs,
      closed,
      jobsSubmitted: [...submissions.values()].reduce((sum, { count }) => sum + count, 0),
      documentsSentTwice,
      documentsLost: DOCUMENTS - documentsDone,
      resentByUser: [...resentByUser.values()].reduce((sum, n) => sum + n, 0),
      seconds,
    };
  } finally {
    await browser.close();
    await service.close();
  }
}
