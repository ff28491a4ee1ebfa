import { DEMO_DOCUMENTS, DEMO_ENDPOINT, DEMO_KEY, DEMO_PROJECTS } from '../demo/demo-settings';
import { demoContainerSasUrl, DEMO_STORAGE_ACCOUNT_URL } from '../demo/demo-storage';
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
  /** `improve`: run the labelled sample at once, so the run's Improve the model region is next. */
  then?: 'improve';
}

export const DEFAULT_DEMO: DemoChoice = { labelMode: 'single', apiVersion: DEFAULT_API_VERSION };

export function isDemoOrigin(url: URL): boolean {
  // The demo's storage account is answered by the same service worker.
  return url.origin === DEMO_ENDPOINT || url.origin === DEMO_STORAGE_ACCOUNT_URL;
}

/** The loaded demo service's pause, once the demo has been used (never loaded just to pause). */
let pauseDemo: (() => void) | undefined;
/** Requests to the demo between their gate and their answer. */
let demoInFlight = 0;

/** Loads MSW and the simulated service only when the demo is used: it is not in the main bundle. */
export async function startDemo(): Promise<{ reset: () => void }> {
  const { startDemoService, pauseDemoService } = await import('../demo/browser');
  pauseDemo = pauseDemoService;
  return startDemoService();
}

/**
 * Before each request (http.ts's gate): a request to the demo starts, or resumes, its service
 * worker; a request elsewhere pauses it when no demo request is out, so Azure's requests stop
 * taking a detour through this page's thread. Returns what to call once the answer is in.
 */
export async function prepareForRequest(url: URL): Promise<(() => void) | undefined> {
  if (!isDemoOrigin(url)) {
    // Synchronous from the check to the pause: a demo request counted meanwhile is never cut off.
    if (demoInFlight === 0) pauseDemo?.();
    return undefined;
  }
  demoInFlight += 1;
  let done = false;
  const release = () => {
    if (done) return;
    done = true;
    demoInFlight -= 1;
  };
  try {
    await startDemo();
  } catch (error) {
    release();
    throw error;
  }
  return release;
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

/**
 * The demo's container SAS URL is public and fake: a demo run of SupportTickets starts with it in
 * Improve the model's field (derived from the run, never stored). Any other SAS is the user's.
 */
export function demoSasUrlOfRun(endpoint: string, projectName: string): string | undefined {
  return endpoint === DEMO_ENDPOINT && projectName === DEMO_PROJECTS.single.projectName
    ? demoContainerSasUrl('support-tickets')
    : undefined;
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
