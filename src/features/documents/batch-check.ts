import { formatCount } from '../../lib/format';
import type { BatchPlan } from '../../service/batching';
import { MAX_CHARACTERS_PER_JOB, MAX_DOCUMENTS_PER_JOB } from '../../service/limits';

/** What the counter says after the sizes, and in which tone. */
export interface BatchWords {
  /** "one job (…)", "sent as 3 jobs (…)", or what stands in the way. */
  jobs: string;
  tone: 'ok' | 'empty' | 'warning' | 'blocked';
}

const LIMITS = `${formatCount(MAX_DOCUMENTS_PER_JOB)} documents and ${formatCount(MAX_CHARACTERS_PER_JOB)} characters`;
const LISTED = 3;

export function documentsWord(count: number): string {
  return `${formatCount(count)} ${count === 1 ? 'document' : 'documents'}`;
}

/** "doc2", "doc2 and doc7", "doc2, doc7, doc9 and 4 more". */
function listIds(ids: string[]): string {
  const listed = ids.slice(0, LISTED);
  const more = ids.length - listed.length;
  const items = more > 0 ? [...listed, `${formatCount(more)} more`] : listed;
  return items.length <= 1
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} and ${items.at(-1) ?? ''}`;
}

/** The counter's words for a plan, with what cannot be sent said before Submit, not after. */
export function describeBatch(plan: BatchPlan): BatchWords {
  const jobs = plan.jobs.length;
  const oversized = plan.oversized.map((document) => document.id);
  const over = `${listIds(oversized)} ${oversized.length === 1 ? 'is' : 'are each'} over ${formatCount(MAX_CHARACTERS_PER_JOB)} characters`;
  if (plan.size.documents === 0)
    return { jobs: 'nothing to send: add at least one document', tone: 'empty' };
  if (jobs === 0)
    return { jobs: `nothing to send: ${over}, more than a job holds`, tone: 'blocked' };
  const sent =
    jobs === 1
      ? `one job (up to ${LIMITS})`
      : `sent as ${formatCount(jobs)} jobs (at most ${LIMITS} each)`;
  if (oversized.length === 0) return { jobs: sent, tone: 'ok' };
  return { jobs: `${sent} · ${over} and will not be sent`, tone: 'warning' };
}

interface SubmitCheck {
  plan: BatchPlan;
  /** Documents the service would refuse (control characters), as `documentProblems` says them. */
  problems: readonly string[];
  /** The imported documents are being read back after a reload. */
  restoring: boolean;
  /** The name of a chosen file that was refused: nothing is sent in its place. */
  refused?: string | undefined;
}

/** Why Submit job cannot send these documents, in a few words for beside the button; else undefined. */
export function submitBlocker({
  plan,
  problems,
  restoring,
  refused,
}: SubmitCheck): string | undefined {
  // The user chose that file: sending the text box (or an earlier file) instead would surprise them.
  if (refused !== undefined)
    return `${refused} cannot be used: fix it and choose it again, or remove it, to submit.`;
  if (restoring) return 'Wait: the imported documents are being read back.';
  if (plan.size.documents === 0) return 'Add at least one document to submit.';
  if (problems.length > 0)
    return problems.length === 1
      ? 'A document contains a control character: remove it to submit.'
      : `${formatCount(problems.length)} documents contain control characters: remove them to submit.`;
  if (plan.jobs.length === 0)
    return plan.oversized.length === 1
      ? `The document is over ${formatCount(MAX_CHARACTERS_PER_JOB)} characters: shorten or split it to submit.`
      : `Every document is over ${formatCount(MAX_CHARACTERS_PER_JOB)} characters: shorten or split them to submit.`;
  return undefined;
}
