/**
 * The service's naming rules (custom text classification service limits): model and deployment
 * names are letters, digits and `_ . -`, at most 50 characters; class names may hold any
 * character but `: $ & % * ( ) + ~ # / ?`, at most 50. Checked before sending, so a refusal is
 * explained where the name is typed.
 */

export const MAX_NAME_LENGTH = 50;

const MODEL_NAME = /^[A-Za-z0-9_.-]+$/;
const CLASS_FORBIDDEN = /[:$&%*()+~#/?]/;

/** Why a model label or deployment name would be refused, or undefined when it is fine. */
export function nameProblem(
  name: string,
  what: 'Model label' | 'Deployment name',
): string | undefined {
  if (name.length === 0) return `${what} is required.`;
  if (name.length > MAX_NAME_LENGTH) return `${what} is at most ${MAX_NAME_LENGTH} characters.`;
  if (!MODEL_NAME.test(name))
    return `${what} may use only letters, digits and the symbols _ . - (no spaces).`;
  return undefined;
}

export function classNameProblem(name: string): string | undefined {
  if (name.trim().length === 0) return 'A class name is empty.';
  if (name.length > MAX_NAME_LENGTH)
    return `Class “${name}” is longer than ${MAX_NAME_LENGTH} characters.`;
  const bad = CLASS_FORBIDDEN.exec(name);
  if (bad) return `Class “${name}” contains “${bad[0]}”, which the service does not allow.`;
  return undefined;
}
