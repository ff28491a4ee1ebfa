// Throwaway profiler (not committed): a 10,000-document labelled run with N classes, CPU profile.
import { writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { chromium } from '@playwright/test';
import { build, preview } from 'vite';
import { openConnected } from './app-server';
import { launchOptions } from './chromium';
import { startServiceServer } from './service-server';
const classes = Number(process.argv[2] ?? 10000);
const COUNT = Number(process.argv[3] ?? 10000);
const fmt = COUNT.toLocaleString('en-US');
const OUT = 'node_modules/.classify-console/prof-dist';
if (!process.env.NOBUILD) {
  await build({ logLevel: 'warn', build: { outDir: OUT, emptyOutDir: true, minify: false, sourcemap: false } });
  execFileSync('npx', ['tsx', 'scripts/prerender.ts', OUT], { stdio: 'inherit' });
}
const server = await preview({ build: { outDir: OUT }, preview: { host: '127.0.0.1', port: 0 }, logLevel: 'warn' });
const appUrl = server.resolvedUrls?.local[0] ?? '';
const service = await startServiceServer({ port: 0, timing: { queuedMs: 100, runMs: 300 } });
const browser = await chromium.launch(launchOptions);
const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
await openConnected(page, appUrl, service.origin, { projectName: 'SupportTickets', deploymentName: 'production' });
const rows = ['id,text,label'];
for (let index = 0; index < COUNT; index++) rows.push(`doc${index + 1},"Ticket ${index}: I was charged twice, please refund.",Class ${index % classes}`);
await page.locator('input[type="file"]').setInputFiles({ name: 'labelled.csv', mimeType: 'text/csv', buffer: Buffer.from(rows.join('\n')) });
await page.getByRole('combobox', { name: 'Label column' }).selectOption({ label: 'label' });
if (classes > 200) await page.getByRole('button', { name: /^Use these [\d,]+ labels anyway$/ }).click();
await page.getByText(`Using ${fmt} documents from`).waitFor();
await page.evaluate(() => { const t: unknown[] = []; Object.assign(window, { lt: t }); new PerformanceObserver((l) => { for (const e of l.getEntries()) t.push([Math.round(e.startTime), Math.round(e.duration)]); }).observe({ type: 'longtask' }); });
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
await cdp.send('Profiler.start');
const t0 = Date.now();
const origin = await page.evaluate(() => performance.now());
await page.getByRole('button', { name: 'Submit job' }).click();
await page.waitForFunction((w) => document.querySelector('[aria-label="Run: Done"]') !== null && w.every((t) => document.body.textContent.includes(t)), [`Showing ${fmt} of`, `${fmt} of ${fmt} documents`], { polling: 500, timeout: 1800000 });
console.log('seconds', (Date.now() - t0) / 1000);
const { profile } = await cdp.send('Profiler.stop');
const lt = await page.evaluate(() => Reflect.get(window, 'lt') as number[][]);
writeFileSync(`/tmp/prof-${classes}.cpuprofile`, JSON.stringify(profile));
writeFileSync(`/tmp/lt-${classes}.json`, JSON.stringify({ lt, origin }));
console.log('longtasks', lt.length, 'over100', lt.filter((x) => (x[1] ?? 0) > 100).length, 'max', Math.max(0, ...lt.map((x) => x[1] ?? 0)));
const dom = await page.evaluate(() => {
  const out: string[] = [`all ${document.querySelectorAll('*').length}`];
  for (const region of document.querySelectorAll('[role=region],section,table,[role=img],select')) {
    const name = region.getAttribute('aria-label') ?? region.querySelector('h2,h3,caption,label')?.textContent ?? region.tagName;
    const n = region.querySelectorAll('*').length;
    if (n > 300) out.push(`${n} ${region.tagName} ${name.slice(0, 60)}`);
  }
  return out;
});
console.log(dom.join('\n'));
await browser.close(); await service.close(); server.httpServer.close();
process.exit(0);
