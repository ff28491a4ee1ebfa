import { existsSync } from 'node:fs';

/**
 * Debian's Chromium where it is installed (CI and this workplace cannot download Playwright's own);
 * CHROMIUM_PATH overrides it, and without either Playwright's own browser is used (a laptop).
 */
export const chromiumPath =
  process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const launchOptions = {
  ...(chromiumPath ? { executablePath: chromiumPath } : {}),
  args: chromiumArgs,
};
