import { execFileSync } from 'node:child_process';

/**
 * A port nobody is listening on, found once by the Playwright main process and handed to its
 * workers through the environment (they inherit it), so a busy machine never tests someone else's
 * server on a well-known port.
 */
function freePort(variable: string): number {
  const given = process.env[variable];
  if (given) return Number(given);
  const found = execFileSync(process.execPath, [
    '-e',
    "const s=require('node:net').createServer().listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})",
  ])
    .toString()
    .trim();
  process.env[variable] = found;
  return Number(found);
}

export const APP_PORT = freePort('CLASSIFY_E2E_APP_PORT');
export const SERVICE_PORT = freePort('CLASSIFY_E2E_SERVICE_PORT');
