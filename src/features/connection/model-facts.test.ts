import { describe, expect, it } from 'vitest';
import { classRows, expiryNotice, formatDelta, matrixLabels } from './model-facts';

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
    const rows = classRows({ B: training, A: training }, { A: { precision: 0, recall: 0, f1: 0 } });
    expect(rows.map((row) => [row.name, row.live?.f1])).toEqual([
      ['B', undefined],
      ['A', 0],
    ]);
    expect(matrixLabels({ A: { A: 1, C: 2 }, B: { A: 0 } })).toEqual(['A', 'C', 'B']);
  });
});
