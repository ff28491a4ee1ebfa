import { describe, expect, it } from 'vitest';
import { createFaultPlan } from './faults';

const JOB = 'http://127.0.0.1:4010/language/analyze-text/jobs/j1';

describe('redirect faults', () => {
  it('answer a matching request with the 3xx and Location asked for, once', () => {
    const plan = createFaultPlan();
    plan.inject({
      kind: 'redirect',
      status: 302,
      path: '/analyze-text/jobs/',
      method: 'GET',
      location: 'http://127.0.0.1:9/stolen',
    });
    const response = plan.next(new Request(`${JOB}?api-version=2023-04-01`));
    expect(response?.status).toBe(302);
    expect(response?.headers.get('location')).toBe('http://127.0.0.1:9/stolen');
    expect(plan.next(new Request(`${JOB}?api-version=2023-04-01`))).toBeUndefined();
    expect(plan.served().map((fault) => fault.kind)).toEqual(['redirect']);
  });

  it('can target a results page only, by its query', () => {
    const plan = createFaultPlan();
    plan.inject({ kind: 'redirect', path: '/analyze-text/jobs/', query: 'skip=20' });
    expect(plan.next(new Request(`${JOB}?api-version=2023-04-01`))).toBeUndefined();
    const page = plan.next(new Request(`${JOB}?top=20&skip=20&api-version=2023-04-01`));
    expect(page?.status).toBe(307);
  });
});
