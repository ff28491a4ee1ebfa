import { DEMO_KEY } from '../../demo/demo-settings';
import {
  checkEndpoint,
  isAzureAiHost,
  isProxyTarget,
  proxiedEndpoint,
} from '../../service/endpoint';
import { profileOf, type ModelField } from '../../service/api-profiles';
import type { Credentials } from '../../service/http';
import type { ModelChoice } from '../../service/model';
import { readTokenClaims } from '../../service/token-claims';
import type { ConnectionField, ConnectionSettings } from './connection-store';

export type FieldErrors = Partial<Record<ConnectionField, string>>;

interface ValidConnection extends ModelChoice {
  /** The endpoint as the browser calls it: the resource's origin, or the local proxy's path to it. */
  endpoint: string;
  /** The resource's own origin, normalised: what a snippet or a shared link names. */
  resourceEndpoint: string;
  /** The key, or the access token when `scheme` is `bearer`. */
  key: string;
  /** Present only when an access token is used instead of the key. */
  scheme?: 'bearer';
  language: string;
  jobName: string;
}

type ConnectionCheck =
  | { ok: true; connection: ValidConnection; errors: FieldErrors }
  | { ok: false; errors: FieldErrors };

/** Project and deployment names: letters, digits, `_ . -`, at most 50 characters. */
const NAME_PATTERN = /^[A-Za-z0-9_.-]{1,50}$/;
const MODEL_ID_PATTERN = /^[A-Za-z0-9_.-]{1,200}$/;
/** BCP 47-ish: "en", "pt-BR", "zh-Hans". */
const LANGUAGE_PATTERN = /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/;

const CHECKED_FIELDS = [
  'endpoint',
  'key',
  'token',
  'projectName',
  'deploymentName',
  'modelId',
  'language',
  'jobName',
] as const;

function checkName(label: string, value: string, required: boolean): string | undefined {
  if (!value) return required ? `Enter the ${label}.` : undefined;
  if (value.length > 50) return `The ${label} has at most 50 characters.`;
  if (!NAME_PATTERN.test(value))
    return `The ${label} uses only letters, digits, underscore, dot and hyphen.`;
  return undefined;
}

function checkModelId(value: string, required: boolean): string | undefined {
  if (!value) return required ? 'Enter the model ID.' : undefined;
  if (!MODEL_ID_PATTERN.test(value)) {
    return 'A model ID uses only letters, digits, underscore, dot and hyphen.';
  }
  return undefined;
}

const MODEL_FIELD_CHECKS: Record<
  ModelField,
  (value: string, required: boolean) => string | undefined
> = {
  projectName: (value, required) => checkName('project name', value, required),
  deploymentName: (value, required) => checkName('deployment name', value, required),
  modelId: checkModelId,
};

function checkKey(key: string): string | undefined {
  if (!key) return 'Enter the key of your Language resource.';
  if (/\s/.test(key)) return 'A key has no spaces or line breaks.';
  return undefined;
}

/**
 * The demo's key is public and opens only the simulated service: aimed at an Azure resource (the
 * user typed their endpoint over the demo's), it is refused here rather than sent there for a 401.
 */
function demoKeyError(key: string, resource: EndpointCheck): string | undefined {
  if (key !== DEMO_KEY || !resource.ok || !isAzureAiHost(new URL(resource.endpoint).hostname)) {
    return undefined;
  }
  return 'This is the demo’s key: it opens only the demo. Enter your resource’s key (Azure portal: your Language resource, Keys and Endpoint).';
}

function checkToken(token: string): string | undefined {
  if (!token) return 'Paste an access token, or sign in.';
  if (/\s/.test(token)) return 'An access token has no spaces or line breaks.';
  const reading = readTokenClaims(token);
  return reading.ok ? undefined : reading.reason;
}

/**
 * The secret the chosen method sends, trimmed, and what is wrong with it (against its own field).
 * `resource` is the endpoint as checked once: a key is judged by where it would go.
 */
function checkSecret(settings: ConnectionSettings, resource: EndpointCheck) {
  if (settings.authMethod === 'bearer') {
    // A pasted "Bearer eyJ…" is accepted as the token it carries.
    const token = settings.token.trim().replace(/^Bearer\s+/i, '');
    return { secret: token, keyError: undefined, tokenError: checkToken(token), bearer: true };
  }
  const key = settings.key.trim();
  return {
    secret: key,
    keyError: checkKey(key) ?? demoKeyError(key, resource),
    tokenError: undefined,
    bearer: false,
  };
}

/** The endpoint as typed, checked (service/endpoint.ts): its normalised origin, or why not. */
type EndpointCheck = ReturnType<typeof checkEndpoint>;

type EndpointResult =
  { ok: true; endpoint: string; resourceEndpoint: string } | { ok: false; error: string };

/** The endpoint as the browser will call it: directly, or through the local proxy. */
function effectiveEndpoint(
  check: EndpointCheck,
  useProxy: boolean,
  appOrigin: string | undefined,
): EndpointResult {
  if (!check.ok) return check;
  const resourceEndpoint = check.endpoint;
  if (!useProxy) return { ok: true, endpoint: resourceEndpoint, resourceEndpoint };
  if (!appOrigin || !isProxyTarget(new URL(check.endpoint))) {
    return {
      ok: false,
      error:
        'The local proxy forwards only to *.cognitiveservices.azure.com, *.api.cognitive.microsoft.com and localhost. Untick Use local proxy for this endpoint.',
    };
  }
  return { ok: true, endpoint: proxiedEndpoint(resourceEndpoint, appOrigin), resourceEndpoint };
}

const browserOrigin = () => (typeof location === 'undefined' ? undefined : location.origin);

/**
 * Checks the form. Errors about empty required fields are only reported when `requireAll`
 * (after a submit attempt), so a new user is not greeted by red fields.
 */
export function validateConnection(
  settings: ConnectionSettings,
  requireAll: boolean,
  appOrigin = browserOrigin(),
): ConnectionCheck {
  const { model } = profileOf(settings.apiVersion);
  const resource = checkEndpoint(settings.endpoint);
  const endpoint = effectiveEndpoint(resource, settings.useProxy, appOrigin);
  const { secret, keyError, tokenError, bearer } = checkSecret(settings, resource);
  const projectName = settings.projectName.trim();
  const deploymentName = settings.deploymentName.trim();
  const modelId = settings.modelId.trim();
  const language = settings.language.trim();
  const jobName = settings.jobName.trim();

  const modelValues: Record<ModelField, string> = { projectName, deploymentName, modelId };
  /** Only the fields the API version names a model by are checked. */
  const modelError = (field: ModelField) => {
    const shown = model.fields.find(({ name }) => name === field);
    return shown ? MODEL_FIELD_CHECKS[field](modelValues[field], shown.required) : undefined;
  };

  const all: FieldErrors = {
    endpoint: endpoint.ok ? undefined : endpoint.error,
    key: keyError,
    token: tokenError,
    projectName: modelError('projectName'),
    deploymentName: modelError('deploymentName'),
    modelId: modelError('modelId'),
    language:
      language && !LANGUAGE_PATTERN.test(language)
        ? 'Use a language code such as en, fr or pt-BR.'
        : undefined,
    jobName: jobName.length > 100 ? 'The job name has at most 100 characters.' : undefined,
  };
  const typed: Record<(typeof CHECKED_FIELDS)[number], string> = {
    endpoint: settings.endpoint.trim(),
    key: settings.key.trim(),
    token: settings.token.trim(),
    projectName,
    deploymentName,
    modelId,
    language,
    jobName,
  };
  const errors: FieldErrors = {};
  for (const field of CHECKED_FIELDS) {
    if (all[field] && (requireAll || typed[field])) errors[field] = all[field];
  }
  if (Object.values(all).some(Boolean) || !endpoint.ok) return { ok: false, errors };
  return {
    ok: true,
    errors,
    connection: {
      endpoint: endpoint.endpoint,
      resourceEndpoint: endpoint.resourceEndpoint,
      key: secret,
      ...(bearer ? { scheme: 'bearer' as const } : {}),
      apiVersion: settings.apiVersion,
      labelMode: settings.labelMode,
      projectName,
      deploymentName,
      modelId,
      language,
      jobName,
    },
  };
}

/**
 * Just the endpoint and the secret, enough to follow a job, delete a project or read what the
 * resource holds. With an access token, `scheme` is `bearer` and the token is in `key`.
 */
export function checkCredentials(
  settings: ConnectionSettings,
  appOrigin = browserOrigin(),
): Credentials | undefined {
  const resource = checkEndpoint(settings.endpoint);
  const endpoint = effectiveEndpoint(resource, settings.useProxy, appOrigin);
  const { secret, keyError, tokenError, bearer } = checkSecret(settings, resource);
  if (!endpoint.ok || keyError || tokenError) return undefined;
  return { endpoint: endpoint.endpoint, key: secret, ...(bearer ? { scheme: 'bearer' } : {}) };
}
