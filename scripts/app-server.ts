import type { Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { build, preview } from 'vite';
import { DEMO_KEY } from '../src/demo/demo-settings';

/**
 * Where the scripts build the app: not dist/, which the Playwright suite builds and serves, so a
 * bench and the suite can run side by side. BENCH_OUT_DIR moves it (worktrees that share one
 * node_modules would otherwise build over each other's bench).
 */
const OUT_DIR = process.env.BENCH_OUT_DIR ?? 'node_modules/.classify-console/dist';

/** The production build, served by `vite preview` on a free loopback port, for the scripts. */
export async function startApp() {
  // BENCH_MINIFY=0 keeps the code readable, for a profile's function names.
  const minify = process.env.BENCH_MINIFY !== '0';
  await build({ logLevel: 'warn', build: { outDir: OUT_DIR, emptyOutDir: true, minify } });
  // Its own process: the render needs a React of its own, not the one these scripts have loaded.
  execFileSync('npx', ['tsx', 'scripts/prerender.ts', OUT_DIR], { stdio: 'inherit' });
  const server = await preview({
    build: { outDir: OUT_DIR },
    preview: { host: '127.0.0.1', port: 0 },
    logLevel: 'warn',
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview gave no URL');
  return { url, close: () => server.close() };
}

/** A field of the app's form by its accessible name (Project and Deployment name are comboboxes). */
export function formField(page: Page, name: string) {
  return page
    .getByRole('textbox', { name, exact: true })
    .or(page.getByRole('combobox', { name, exact: true }));
}

/** Opens the app and fills the connection with the simulated service at `origin`. */
export async function openConnected(
  page: Page,
  appUrl: string,
  origin: string,
  project: { projectName: string; deploymentName: string },
) {
  await page.goto(appUrl);
  // The prerendered first screen is inert until React replaces it (scripts/prerender.ts).
  await page.waitForFunction(() => document.querySelector('[data-prerendered]') === null);
  await formField(page, 'Endpoint').fill(origin);
  await formField(page, 'Key').fill(DEMO_KEY);
  await formField(page, 'Project name').fill(project.projectName);
  await formField(page, 'Deployment name').fill(project.deploymentName);
}
