/**
 * The demo's storage account, as the app is given it: light constants only (no MSW), so the main
 * bundle can offer the demo's container SAS URL without pulling the simulated service in.
 */

/** A fixed fake account; the demo's service worker answers it, nothing leaves the browser. */
export const DEMO_STORAGE_ACCOUNT_URL = 'https://classifyconsoledemo.blob.core.windows.net';

/** The signature the simulated account accepts (any other is refused with 403, as a real one is). */
export const DEMO_SAS_SIGNATURE = 'Y2xhc3NpZnktY29uc29sZS1kZW1v';

/**
 * A container SAS for the demo account, read/add/create/write/delete/list by default. Pass fewer
 * permissions (e.g. `rl`) to meet the 403 a real account gives a SAS that may not write.
 */
export function demoContainerSasUrl(container: string, permissions = 'racwdl'): string {
  const query = new URLSearchParams({
    sv: '2025-05-05',
    sr: 'c',
    sp: permissions,
    se: '2099-12-31T23:59:59Z',
    spr: 'https',
    sig: DEMO_SAS_SIGNATURE,
  });
  return `${DEMO_STORAGE_ACCOUNT_URL}/${container}?${query.toString()}`;
}
