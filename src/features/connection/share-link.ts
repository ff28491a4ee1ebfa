import { checkEndpoint } from '../../service/endpoint';
import type { ApiVersion, LabelMode } from '../../service/model';
import type { ConnectionSettings } from './connection-store';

// Making a link is all the first screen needs (Share view); reading one (shared-view.ts, with
// its schema) comes with the prompt that opens it.

/**
 * A view of the app others can open: which resource, API version, kind, model and language.
 * Never the key, the token or the documents.
 */
export interface SharedView {
  endpoint: string;
  apiVersion: ApiVersion;
  labelMode: LabelMode;
  projectName: string;
  deploymentName: string;
  modelId: string;
  language: string;
}

export const VIEW_PARAMETER = 'view';

/** What a fragment (`location.hash`) carries after `view=`, readable or not; undefined without one. */
export function viewPayload(hash: string): string | undefined {
  const fragment = hash.replace(/^#/, '');
  const prefix = `${VIEW_PARAMETER}=`;
  return fragment.startsWith(prefix) ? fragment.slice(prefix.length) : undefined;
}

/** The endpoint as a link names it and views are compared by: the normalised origin when valid. */
function endpointOf(typed: string): string {
  const check = checkEndpoint(typed);
  return check.ok ? check.endpoint : typed.trim();
}

/** The part of the settings a shared link carries. */
export function viewOf(settings: ConnectionSettings): SharedView {
  const { endpoint, apiVersion, labelMode, projectName, deploymentName, modelId, language } =
    settings;
  return {
    endpoint: endpointOf(endpoint),
    apiVersion,
    labelMode,
    projectName: projectName.trim(),
    deploymentName: deploymentName.trim(),
    modelId: modelId.trim(),
    language: language.trim(),
  };
}

/** The app's address with the view in its fragment (`#view=` URL-encoded JSON); empty fields left out. */
export function shareViewUrl(view: SharedView, appUrl: string): string {
  const url = new URL(appUrl);
  const carried = Object.fromEntries(Object.entries(view).filter(([, value]) => value !== ''));
  url.hash = `${VIEW_PARAMETER}=${encodeURIComponent(JSON.stringify(carried))}`;
  return url.href;
}
