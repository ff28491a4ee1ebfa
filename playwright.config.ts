import { defineConfig } from '@playwright/test';
import { launchOptions } from './scripts/chromium';

import { APP_PORT, SERVICE_PORT } from './e2e/ports';

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  workers: 2,
  forbidOnly: Boolean(process.env.CI),
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  // Generous for a 2-core machine running two browsers, builds and the service at once: the app's
  // own speed is measured by the bench, not by test timeouts.
  timeout: 60_000,
  // A run's first poll, save and render can take several seconds when both browsers are busy (seen:
  // a 600 ms timer firing 10 s late at a load of 18). A test that still fails once more on CI is
  // retried once and reported as flaky, never hidden: a steady failure fails both attempts.
  expect: { timeout: 15_000 },
  retries: process.env.CI ? 1 : 0,
  use: {
    baseURL: `http://127.0.0.1:${APP_PORT}`,
    trace: 'retain-on-failure',
    launchOptions,
  },
  webServer: [
    {
      // The production build, as users get it.
      command: `npm run build && npm run preview -- --host 127.0.0.1 --port ${APP_PORT} --strictPort`,
      url: `http://127.0.0.1:${APP_PORT}`,
      // The proxy may forward to the simulated service on loopback (off by default).
      env: { CLASSIFY_PROXY_LOOPBACK: '1' },
      // Never another server that happens to be on the port: the ports are free ones, found afresh.
      reuseExistingServer: false,
      timeout: 180_000,
    },
    {
      // The simulated service over real HTTP with CORS, for cross-origin calls and preflights.
      command: `npx tsx scripts/service-server.ts --port ${SERVICE_PORT}`,
      url: `http://127.0.0.1:${SERVICE_PORT}/__health`,
      reuseExistingServer: false,
      timeout: 60_000,
    },
  ],
});
