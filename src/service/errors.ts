import type { AuthScheme, ServiceProblem } from './model';

export type FailureKind =
  | 'http'
  | 'network'
  | 'timeout'
  | 'foreign-origin'
  | 'redirect'
  | 'invalid-response'
  | 'cors'
  | 'job-failed'
  | 'deletion-failed';

interface ServiceErrorInit {
  kind: FailureKind;
  message: string;
  status?: number;
  problem?: ServiceProblem;
  retryAfterMs?: number;
  /** How the secret was sent, for an HTTP error: a refused token needs other advice than a key. */
  scheme?: AuthScheme;
}

/** Every failure the service layer reports, with what a person needs to act on it. */
export class ServiceError extends Error {
  readonly kind: FailureKind;
  readonly status: number | undefined;
  readonly problem: ServiceProblem | undefined;
  readonly retryAfterMs: number | undefined;
  readonly scheme: AuthScheme | undefined;

  constructor(init: ServiceErrorInit) {
    super(init.message);
    this.name = 'ServiceError';
    this.kind = init.kind;
    this.status = init.status;
    this.problem = init.problem;
    this.retryAfterMs = init.retryAfterMs;
    this.scheme = init.scheme;
  }

  /** Worth sending again: throttling and transient server or network trouble, never quota or auth. */
  get isTransient(): boolean {
    if (this.kind === 'network' || this.kind === 'timeout') return true;
    return this.kind === 'http' && (this.status === 429 || (this.status ?? 0) >= 500);
  }
}

const QUOTA_PATTERN = /quota/i;

/** The resource a Microsoft Entra token must be issued for (its `aud`). */
export const COGNITIVE_SERVICES_RESOURCE = 'https://cognitiveservices.azure.com';

/** A plain-language hint for each failure, following the contract's error table. */
export function hintFor(error: ServiceError): string {
  const { kind, status, problem, scheme } = error;
  const codes = [problem?.code, problem?.innerCode].filter(Boolean).join(' ');
  switch (kind) {
    case 'network':
      return 'The service could not be reached. Check the endpoint address and your network; if the endpoint is right, the browser may be blocking the call (CORS): use the local proxy.';
    case 'timeout':
      return 'The service did not answer in time. It may be busy; try again shortly.';
    case 'foreign-origin':
      return 'The service pointed to an address outside your endpoint, so the key was not sent there.';
    case 'redirect':
      return 'An Azure AI Language endpoint never redirects its API calls, so the app does not follow one: check the endpoint address, and if a gateway or proxy sits in front of the resource, have it forward calls instead of redirecting them.';
    case 'invalid-response':
      return 'The service answered with something that is not a job or error body. Check that the endpoint is an Azure AI Language resource.';
    case 'cors':
      return 'The job was accepted, but the browser may not read its operation-location header: the gateway does not expose it to this page (a CORS problem). Use the local proxy so the app calls the service from its own origin.';
    case 'job-failed':
      return /deploymentName|projectName|not found|does not exist|not supported/i.test(
        problem?.message ?? '',
      )
        ? 'Check the project and deployment names: they are case-sensitive and must match the deployed model exactly.'
        : 'The service could not run the classification task; its own message says why.';
    case 'deletion-failed':
      return 'The service did not delete the project; its errors say why. The project may still exist, with its models and deployments: check it before trying again.';
    case 'http':
      break;
  }
  if (status === 401 && scheme === 'bearer')
    return `The access token was refused: it may have expired or be for another resource (it must be for ${COGNITIVE_SERVICES_RESOURCE}).`;
  if (status === 401)
    return 'Check the key, and that the endpoint belongs to the same resource as the key.';
  if (status === 403 && QUOTA_PATTERN.test(problem?.message ?? ''))
    return 'The call volume quota of this resource is spent. Waiting will not help soon; switch to a paid tier or another resource.';
  if (status === 403) return 'The key is not allowed to do this on this resource.';
  if (status === 429)
    return 'The service is throttling requests; the app waits as long as it asks and tries again.';
  if (status === 404 && problem?.code === 'ProjectNotFound')
    return 'No project of that name exists on this resource (or it was deleted already). Names are case-sensitive: check the exact spelling and case.';
  if (status === 404 && /ProjectNotFound|NotFound|DeploymentNotFound/.test(codes))
    return 'The project, deployment or job does not exist. Names are case-sensitive; results are also removed 24 hours after a job was submitted.';
  if (status === 404)
    return 'Nothing answers at that address: check the endpoint and the API version.';
  if (
    status === 400 &&
    /InvalidDocumentBatch|TooManyDocuments|too many/i.test(codes + (problem?.innerMessage ?? ''))
  )
    return 'The request broke a service limit (25 documents and 125,000 characters per job).';
  if (status === 400)
    return `The service refused the request${problem?.target ? ` (field ${problem.target})` : ''}: check the field its message names.`;
  if (status !== undefined && status >= 500)
    return 'The service had a transient failure; trying again usually works.';
  return 'The service refused the request.';
}
