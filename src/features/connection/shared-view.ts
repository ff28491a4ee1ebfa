import { z } from 'zod';
import { isApiVersion } from '../../service/api-profiles';
import { checkEndpoint, isAzureAiHost } from '../../service/endpoint';
import '../../lib/zod-config';
import type { ConnectionSettings } from './connection-store';
import { viewOf, viewPayload, type SharedView } from './share-link';

export { shareViewUrl, VIEW_PARAMETER, viewOf, type SharedView } from './share-link';

const NAME = /^[A-Za-z0-9_.-]{0,50}$/;
const MODEL_ID = /^[A-Za-z0-9_.-]{0,200}$/;
const LANGUAGE = /^([a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*)?$/;

/** Unknown fields are dropped; a field with a bad value refuses the whole view. */
const viewSchema = z.object({
  endpoint: z.string().max(300),
  apiVersion: z.string().refine(isApiVersion, 'an API version this app knows'),
  labelMode: z.enum(['single', 'multi']),
  projectName: z.string().regex(NAME).optional(),
  deploymentName: z.string().regex(NAME).optional(),
  modelId: z.string().regex(MODEL_ID).optional(),
  language: z.string().regex(LANGUAGE).optional(),
});

export type ViewReading =
  { kind: 'none' } | { kind: 'view'; view: SharedView } | { kind: 'invalid'; reason: string };

/** What a fragment (`location.hash`) holds: no view, a view, or why it cannot be opened. */
export function readViewFragment(hash: string): ViewReading {
  const payload = viewPayload(hash);
  if (payload === undefined) return { kind: 'none' };
  let json: unknown;
  try {
    json = JSON.parse(decodeURIComponent(payload));
  } catch {
    return {
      kind: 'invalid',
      reason: 'The link’s view is not readable: it may have been cut short.',
    };
  }
  const parsed = viewSchema.safeParse(json);
  if (!parsed.success) {
    const path = parsed.error.issues[0]?.path ?? [];
    const field = path.length > 0 ? path.join('.') : 'the view';
    return { kind: 'invalid', reason: `The link’s view has a bad value for ${field}.` };
  }
  const endpoint = checkEndpoint(parsed.data.endpoint);
  if (!endpoint.ok) return { kind: 'invalid', reason: `The link’s endpoint: ${endpoint.error}` };
  const { data } = parsed;
  if (!isApiVersion(data.apiVersion)) return { kind: 'invalid', reason: 'Unknown API version.' };
  return {
    kind: 'view',
    view: {
      endpoint: endpoint.endpoint,
      apiVersion: data.apiVersion,
      labelMode: data.labelMode,
      projectName: data.projectName ?? '',
      deploymentName: data.deploymentName ?? '',
      modelId: data.modelId ?? '',
      language: data.language ?? '',
    },
  };
}

/** Whether the form holds nothing of the user's own: empty, or the demo. */
export function isReplaceable(settings: ConnectionSettings, demoEndpoint: string): boolean {
  const { endpoint } = viewOf(settings);
  if (endpoint === demoEndpoint) return true;
  return (
    !endpoint &&
    !settings.key.trim() &&
    !settings.token.trim() &&
    !settings.projectName.trim() &&
    !settings.deploymentName.trim() &&
    !settings.modelId.trim()
  );
}

/**
 * Whether a view may be applied without a question: only when nothing of the user's would be lost
 * and the endpoint stays (or is the demo's, which no key can leave for). A link that would change
 * the endpoint always asks, even on a first visit or over the demo: whatever key is entered next,
 * and every copied snippet, would go to the host the link chose.
 */
export function appliesUnasked(
  view: SharedView,
  current: ConnectionSettings,
  demoEndpoint: string,
): boolean {
  const endpoint = viewOf(current).endpoint;
  const keepsEndpoint = view.endpoint === endpoint || view.endpoint === demoEndpoint;
  return keepsEndpoint && isReplaceable(current, demoEndpoint);
}

/** Whether a link's endpoint is somewhere other than an Azure AI service (or the demo): worth a warning. */
export function isForeignEndpoint(endpoint: string, demoEndpoint: string): boolean {
  if (endpoint === demoEndpoint) return false;
  return !isAzureAiHost(new URL(endpoint).hostname);
}

const VIEW_FIELDS = [
  'endpoint',
  'apiVersion',
  'labelMode',
  'projectName',
  'deploymentName',
  'modelId',
  'language',
] as const satisfies readonly (keyof SharedView)[];

export function sameView(a: SharedView, b: SharedView): boolean {
  return VIEW_FIELDS.every((field) => a[field] === b[field]);
}

/**
 * The settings a view sets. On another endpoint the key and token are dropped: a link must never
 * send the user's secret to an address someone else chose.
 */
export function settingsForView(
  view: SharedView,
  current: ConnectionSettings,
  demo: { endpoint: string; key: string },
): Partial<ConnectionSettings> {
  const sameEndpoint = viewOf(current).endpoint === view.endpoint;
  const secrets: Partial<ConnectionSettings> = sameEndpoint
    ? {}
    : view.endpoint === demo.endpoint
      ? { key: demo.key, token: '', authMethod: 'key', useProxy: false }
      : { key: '', token: '' };
  return { ...view, jobName: '', ...secrets };
}
