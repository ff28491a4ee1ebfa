import { describe, expect, it } from 'vitest';
import { comparedModel } from './compared-model';

describe('comparedModel', () => {
  it('is what the deployment served when training was sent, even after a swap', () => {
    const train = {
      modelLabel: 'new',
      baseline: { deploymentName: 'production', modelLabel: 'v3' },
    };
    // After the swap production serves the new model; the comparison still names v3.
    expect(comparedModel(train, 'production', 'new')).toEqual({
      deploymentName: 'production',
      modelLabel: 'v3',
    });
  });

  it('without a saved one, is what is served now, never the new model beside itself', () => {
    expect(comparedModel({ modelLabel: 'new' }, 'production', 'v3')).toEqual({
      deploymentName: 'production',
      modelLabel: 'v3',
    });
    expect(comparedModel({ modelLabel: 'new' }, 'production', 'new')).toBeUndefined();
    expect(comparedModel(undefined, 'production', undefined)).toBeUndefined();
  });
});
