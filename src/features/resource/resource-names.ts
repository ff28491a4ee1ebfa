import { nameCheck } from '../../service/authoring';
import { enUsDateTime } from '../../lib/en-us-format';
import { onFirstUse } from '../../lib/on-first-use';

/**
 * Why a typed name is not one the resource has, in a few words, or undefined when it is (or when
 * the list is not known). A warning: the name is still sent if the user wants.
 */
export function unknownNameWarning(
  name: string,
  known: readonly string[] | undefined,
  what: 'project' | 'deployment',
): string | undefined {
  const typed = name.trim();
  if (!typed || !known) return undefined;
  const check = nameCheck(typed, known);
  if (check === 'known') return undefined;
  if (check !== 'unknown')
    return `Not on this resource. Did you mean ${check.caseOf}? Names are case-sensitive.`;
  if (known.length === 0) return `This resource has no ${what}s to match.`;
  const some = known.slice(0, 3).join(', ');
  return `Not on this resource, which has ${some}${known.length > 3 ? ', …' : ''}.`;
}

const dateTime = onFirstUse(
  () => new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }),
);
const dateOnly = onFirstUse(
  () => new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' }),
);

/** A service timestamp for people, or `never` when there is none. */
export function formatWhen(value: string | undefined): string {
  if (!value) return 'never';
  const at = Date.parse(value);
  if (Number.isNaN(at)) return value;
  return enUsDateTime(new Date(at), 'local', 'short') ?? dateTime().format(at);
}

/** A service date (`2027-09-25`) for people, without shifting it into another day. */
export function formatDay(value: string): string {
  const at = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(at)) return value;
  return enUsDateTime(new Date(at), 'utc') ?? dateOnly().format(at);
}
