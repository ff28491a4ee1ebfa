import { DEMO_DOCUMENTS, DEMO_ENDPOINT, DEMO_KEY, DEMO_PROJECTS } from '../demo/demo-settings';
import {
  applyConnectionSettings,
  hasSavedConnection,
  type ConnectionSettings,
} from '../features/connection/connection-store';
import { setDocumentsDraft } from '../features/documents/documents-store';
import { DEFAULT_API_VERSION } from '../service/api-profiles';
import type { ApiVersion, LabelMode } from '../service/model';

export interface DemoChoice {
  labelMode: LabelMode;
  apiVersion: ApiVersion;
  /** `labelled`: the demo's support tickets with gold labels, to try evaluation. */
  sample?: 'labelled';
  /** `token`: sign in with a fake access token instead of the key. */
  auth?: 'token';
}

export const DEFAULT_DEMO: DemoChoice = { labelMode: 'single', apiVersion: DEFAULT_API_VERSION };

export function isDemoOrigin(url: URL): boolean {
  return url.origin === DEMO_ENDPOINT;
}

/** Loads MSW and the simulated service only when the demo is used: it is not in the main bundle. */
export async function startDemo(): Promise<{ reset: () => void }> {
  const { startDemoService } = await import('../demo/browser');
  lastDemoRequest = Date.now();
  return startDemoService();
}

/** How long the demo must have had no request before a request elsewhere pauses its worker. */
const DEMO_IDLE_MS = 5_000;
let lastDemoRequest = 0;

/**
 * Before each request: the demo's worker starts (or resumes) for a request to the demo, and pauses
 * for a request elsewhere once the demo has been idle a while (a demo run polls every few seconds,
 * so it is never paused under a live demo run; a request that finds it paused resumes it first).
 */
export async function prepareForRequest(url: URL, now = Date.now()): Promise<void> {
  if (isDemoOrigin(url)) {
    await startDemo();
    return;
  }
  if (lastDemoRequest === 0 || now - lastDemoRequest < DEMO_IDLE_MS) return;
  const { pauseDemoService } = await import('../demo/browser');
  pauseDemoService();
}

export function demoSettings({ labelMode, apiVersion }: DemoChoice): Partial<ConnectionSettings> {
  const project = DEMO_PROJECTS[labelMode];
  return {
    endpoint: DEMO_ENDPOINT,
    useProxy: false,
    authMethod: 'key',
    key: DEMO_KEY,
    apiVersion,
    labelMode,
    projectName: project.projectName,
    deploymentName: project.deploymentName,
    modelId: project.modelId,
    language: 'en',
    jobName: '',
  };
}

export function demoDocuments(labelMode: LabelMode): string {
  return DEMO_DOCUMENTS[labelMode].join('\n\n');
}

/** A first visit opens on the demo, so the app shows what it does before anyone needs an account. */
export function openOnDemoIfFirstVisit(): void {
  if (hasSavedConnection()) return;
  applyConnectionSettings(demoSettings(DEFAULT_DEMO));
  setDocumentsDraft(demoDocuments(DEFAULT_DEMO.labelMode));
}

/** The demo's labelled tickets as an imported set (loaded only when chosen). */
export async function labelledSample() {
  const { DEMO_LABELLED_TICKETS } = await import('../demo/demo-labelled-tickets');
  return {
    sourceName: 'labelled support tickets (demo)',
    documents: DEMO_LABELLED_TICKETS.map(({ id, text, label }) => ({ id, text, labels: [label] })),
  };
}

/** A fake Entra token the demo accepts, valid for an hour. */
export async function demoToken(): Promise<string> {
  const { demoAccessToken } = await import('../demo/demo-token');
  return demoAccessToken(3_600);
}
