import { describe, expect, it } from 'vitest';
import { formatDateTime } from '../../../lib/format';
import { runLabel } from './run-label';
import { defaultRunName } from '../store/new-run';
import { testRunSettings } from '../store/test-runs';

const at = (iso: string) => Date.parse(iso);

describe('runLabel', () => {
  it('tells apart runs of the same model and size by when they started', () => {
    const name = defaultRunName(testRunSettings, 40);
    const first = runLabel({
      name,
      createdAt: at('2026-12-06T09:00:00Z'),
      settings: testRunSettings,
      documentCount: 40,
    });
    const second = runLabel({
      name,
      createdAt: at('2026-12-06T09:04:10Z'),
      settings: testRunSettings,
      documentCount: 40,
    });
    expect(first).toBe(`${name} · ${formatDateTime('2026-12-06T09:00:00.000Z')}`);
    expect(first).not.toBe(second);
  });

  it('gives a job name with the model and the size, since the name alone says neither', () => {
    const settings = { ...testRunSettings, jobName: 'Second look' };
    const label = runLabel({
      name: defaultRunName(settings, 5),
      createdAt: at('2026-12-06T09:00:00Z'),
      settings,
      documentCount: 5,
    });
    expect(label).toBe(
      `Second look · ${testRunSettings.projectName} / ${testRunSettings.deploymentName} · 5 docs · ${formatDateTime('2026-12-06T09:00:00.000Z')}`,
    );
  });
});
