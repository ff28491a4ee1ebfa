// @vitest-environment happy-dom
import { renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { singleItems } from './test-items';
import { useEvaluation } from './use-evaluation';

describe('useEvaluation', () => {
  it('recomputes the metrics and marks for a new threshold but keeps the curve', () => {
    const { result, rerender } = renderHook(
      ({ threshold }) => useEvaluation(singleItems, 'single', threshold),
      { initialProps: { threshold: 0 } },
    );
    const { curve } = result.current;
    expect(result.current.evaluation.coverage).toBeCloseTo(6 / 7);
    expect([...result.current.mismatches]).toEqual(['d2', 'd4', 'd5', 'd6', 'd9']);
    rerender({ threshold: 0.5 });
    expect(result.current.threshold).toBe(0.5);
    expect(result.current.evaluation.coverage).toBeCloseTo(4 / 7);
    expect(result.current.marks.get('d4')?.belowThreshold).toBe(true);
    expect(result.current.curve).toBe(curve);
  });
});
