import { chromium } from '@playwright/test';
import { DEMO_PROJECTS } from '../src/demo/demo-settings';
import { openConnected } from './app-server';
import { startAzurite } from './azurite';
import { launchOptions } from './chromium';
import { startServiceServer } from './service-server';

/**
 * Improve the model at scale: 1,000 labelled documents added to SupportTickets through the real
 * app in Chromium, the blobs put in a real Azurite by the browser (CORS) and the project imported
 * by `npm run service`. Times Import → "Imported" and counts the Put Blob requests in flight.
 */

const COUNT = 1_000;
const CLASSES = DEMO_PROJECTS.single.classes;

function labelledCsv(): Buffer {
  const rows = Array.from({ length: COUNT }, (_, index) => {
    const label = CLASSES[index % CLASSES.length] ?? '';
    return `bench${index + 1},"Bench ticket ${index + 1} about ${label.toLowerCase()}: please help.",${label}`;
  });
  return Buffer.from(['id,text,label', ...rows].join('\n'));
}

export async function benchImprove(appUrl: string) {
  console.log(
    `\n8. Improve the model: ${COUNT.toLocaleString('en-US')} labelled documents uploaded to Azurite and imported through the service`,
  );
  const appOrigin = new URL(appUrl).origin;
  const azurite = await startAzurite({ containers: ['support-tickets'], corsOrigins: [appOrigin] });
  const sas = azurite.containerSasUrl('support-tickets');
  const service = await startServiceServer({
    port: 0,
    storageSasUrl: sas,
    timing: { queuedMs: 50, runMs: 300, authoringMs: 300 },
  });
  const browser = await chromium.launch(launchOptions);
  try {
    const before = service.state.authoring.project('SupportTickets')?.documents.length ?? 0;
    const page = await browser.newPage();
    await openConnected(page, appUrl, service.origin, {
      projectName: 'SupportTickets',
      deploymentName: 'production',
    });
    await page.locator('input[type="file"]').setInputFiles({
      name: 'labelled.csv',
      mimeType: 'text/csv',
      buffer: labelledCsv(),
    });
    await page.getByRole('combobox', { name: 'Label column' }).selectOption({ label: 'label' });
    await page.getByText(`Using ${COUNT.toLocaleString('en-US')} documents from`).waitFor();
    await page.getByRole('button', { name: 'Submit job' }).click();
    await page.getByLabel('Run: Done', { exact: true }).waitFor({ timeout: 120_000 });

    const region = page.getByRole('region', { name: 'Improve the model' });
    await region.getByRole('checkbox', { name: /Include gold labels/ }).check();
    await region.getByLabel('Container SAS URL').fill(sas);
    await region.getByRole('button', { name: 'Read the project' }).click();
    await region
      .getByRole('table', { name: 'Changes to the project' })
      .waitFor({ timeout: 60_000 });

    // Put Blob requests from the page to Azurite, counted as they leave and as they end.
    const storage = new URL(azurite.accountUrl).origin;
    let inFlight = 0;
    let peak = 0;
    let puts = 0;
    const isPut = (request: { method(): string; url(): string }) =>
      request.method() === 'PUT' && request.url().startsWith(storage);
    page.on('request', (request) => {
      if (!isPut(request)) return;
      puts += 1;
      inFlight += 1;
      peak = Math.max(peak, inFlight);
    });
    const ended = (request: { method(): string; url(): string }) => {
      if (isPut(request)) inFlight -= 1;
    };
    page.on('requestfinished', ended);
    page.on('requestfailed', ended);

    await region.getByRole('button', { name: 'Add to training data' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add to training data' });
    const start = performance.now();
    await dialog.getByRole('button', { name: /^Import/ }).click();
    await region
      .getByText('Imported: the project holds the merged documents.')
      .waitFor({ timeout: 300_000 });
    const seconds = (performance.now() - start) / 1000;

    const after = service.state.authoring.project('SupportTickets')?.documents.length ?? 0;
    let blobs = 0;
    for await (const _ of azurite.service.getContainerClient('support-tickets').listBlobsFlat()) {
      blobs += 1;
    }
    if (after !== before + COUNT) {
      throw new Error(`The project holds ${after} documents, not ${before} + ${COUNT}.`);
    }
    console.log(
      `   Import → imported: ${seconds.toFixed(1)} s for ${puts.toLocaleString('en-US')} Put Blob requests, at most ${peak} blobs in flight`,
    );
    console.log(
      `   the project went from ${before} to ${after} documents; the container holds ${blobs} blobs`,
    );
  } finally {
    await browser.close();
    await service.close();
    await azurite.stop();
  }
}
