import { describe, expect, it } from 'vitest';
import { classNameProblem, nameProblem } from './naming-rules';

describe('nameProblem', () => {
  it('accepts letters, digits and _ . - up to 50 characters', () => {
    expect(nameProblem('model_2027.01-b', 'Model label')).toBeUndefined();
    expect(nameProblem('m'.repeat(50), 'Model label')).toBeUndefined();
  });

  it('refuses empty, long, spaced or symbol names, saying why', () => {
    expect(nameProblem('', 'Model label')).toBe('Model label is required.');
    expect(nameProblem('m'.repeat(51), 'Model label')).toMatch(/at most 50/);
    expect(nameProblem('my model', 'Model label')).toMatch(/no spaces/);
    expect(nameProblem('model#1', 'Deployment name')).toMatch(/^Deployment name may use only/);
  });
});

describe('classNameProblem', () => {
  it('accepts names with spaces and most symbols', () => {
    expect(classNameProblem('Billing & refunds'.replace('&', 'and'))).toBeUndefined();
    expect(classNameProblem('Login-issue, urgent!')).toBeUndefined();
  });

  it('refuses the characters the service forbids, and long names', () => {
    expect(classNameProblem('A/B')).toMatch(/“\/”/);
    expect(classNameProblem('Cost: high')).toMatch(/“:”/);
    expect(classNameProblem('c'.repeat(51))).toMatch(/longer than 50/);
  });
});
