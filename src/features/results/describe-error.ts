import type { ServiceProblem } from '../../service/model';

/** The innermost code and message, which say what is really wrong. */
export function describeError(error: ServiceProblem): string {
  return `${error.innerCode ?? error.code}: ${error.innerMessage ?? error.message}`;
}
