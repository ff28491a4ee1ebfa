import { formatDateTime } from '../../../lib/format';
import { modelNameOf } from '../../../service/api-profiles';
import type { Run } from '../store/run-model';

const docs = (count: number) => `${count.toLocaleString('en-US')} doc${count === 1 ? '' : 's'}`;

/**
 * A run told apart from others of the same model and size (a rerun is one): its name, with the
 * model when the name is a job name, and when it started.
 */
export function runLabel(run: Pick<Run, 'name' | 'createdAt' | 'settings' | 'documentCount'>) {
  const started = formatDateTime(new Date(run.createdAt).toISOString());
  const named = run.settings.jobName.trim() !== '';
  const what = named
    ? `${run.name} · ${modelNameOf(run.settings)} · ${docs(run.documentCount)}`
    : run.name;
  return `${what} · ${started}`;
}
