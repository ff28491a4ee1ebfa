import { describe, expect, it } from 'vitest';
import {
  classRows,
  configVersionNotice,
  expiryNotice,
  formatDelta,
  matrixLabels,
  projectThresholdFacts,
} from './model-facts';

const NOW = Date.parse('2026-03-14T12:00:00Z');

describe('expiryNotice', () => {
  it('is ok far ahead, a warning within 30 days, an error once past', () => {
    expect(expiryNotice('deployment', '2027-01-01', NOW).status).toBe('ok');
    const soon = expiryNotice('deployment', '2026-03-26', NOW);
    expect(soon.status).toBe('soon');
    expect(soon.text).toMatch(/^The deployment expires on .* \(in 12 days\)\.$/);
    expect(expiryNotice('model', '2026-03-14', NOW).text).toMatch(/\(today\)/);
    expect(expiryNotice('model', '2026-03-15', NOW).text).toMatch(/\(in 1 day\)/);
    const expired = expiryNotice('model', '2026-03-13', NOW);
    expect(expired.status).toBe('expired');
    expect(expired.text).toMatch(/^The model expired on /);
  });
});

describe('formatDelta', () => {
  it('is live minus training in percentage points', () => {
    expect(formatDelta(0.9, 0.85)).toBe('−5.0 pt');
    expect(formatDelta(0.5, 0.531)).toBe('+3.1 pt');
    expect(formatDelta(0.5, 0.5)).toBe('±0.0 pt');
  });
});

describe('classRows and matrixLabels', () => {
  it('keep the training order and put the live figures beside', () => {
    const training = { precision: 1, recall: 1, f1: 1, tp: 1, tn: 1, fp: 0, fn: 0 };
    const rows = classRows(
      { B: training, A: training },
      new Map([['A', { precision: 0, recall: 0, f1: 0 }]]),
    );
    expect(rows.map((row) => [row.name, row.live?.f1])).toEqual([
      ['B', undefined],
      ['A', 0],
    ]);
    expect(matrixLabels({ A: { A: 1, C: 2 }, B: { A: 0 } })).toEqual(['A', 'C', 'B']);
    // In the per-class table's order where it has the class, the others after.
    expect(matrixLabels({ A: { A: 1, C: 2 }, B: { A: 0 } }, ['B', 'X', 'A'])).toEqual([
      'B',
      'A',
      'C',
    ]);
  });
});

describe('configVersionNotice', () => {
  const now = Date.parse('2026-03-14T09:26:53Z');
  const versions = [
    { version: '2022-05-01', expiresOn: '2026-03-01' },
    { version: '2023-04-15', expiresOn: '2026-03-20' },
    { version: '2025-01-01', expiresOn: '2027-12-31' },
  ];

  it('says when models of the version expire, soon or expired as the model lines do', () => {
    expect(configVersionNotice('2025-01-01', versions, now).status).toBe('ok');
    const soon = configVersionNotice('2023-04-15', versions, now);
    expect(soon.status).toBe('soon');
    expect(soon.text).toMatch(/^Training config version 2023-04-15 expires on/);
    const expired = configVersionNotice('2022-05-01', versions, now);
    expect(expired.status).toBe('expired');
    expect(expired.text).toMatch(/expired on .*train the model again/);
  });

  it('calls a version the service no longer lists retired', () => {
    const gone = configVersionNotice('2021-11-01', versions, now);
    expect(gone.status).toBe('expired');
    expect(gone.text).toMatch(/no longer lists .* retired/);
  });
});

describe('projectThresholdFacts', () => {
  it('says the threshold in words and whether the run already uses it', () => {
    expect(projectThresholdFacts(0.5, 0.5)).toEqual({
      text: "The project's confidence threshold is 50.0%: below it the service itself predicts None.",
      applied: true,
    });
    expect(projectThresholdFacts(0.5, 0.4).applied).toBe(false);
    expect(projectThresholdFacts(0.5, undefined).applied).toBe(false);
  });
});
