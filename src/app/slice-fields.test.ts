import { describe, expect, it } from 'vitest';
import type { ResultItem } from '../features/results/result-item';
import { cachedSliceFields } from './slice-fields';

const item = (id: string, extra: Partial<ResultItem> = {}): ResultItem => ({
  text: id,
  result: { id, classes: [], warnings: [] },
  ...extra,
});

describe('cachedSliceFields', () => {
  it("gives a document's metadata and its language, its own before the run's", () => {
    const fieldsOf = cachedSliceFields();
    const fields = fieldsOf(
      [item('a', { metadata: { source: 'email' } }), item('b', { language: 'fr' })],
      'en',
    );
    expect(fields.get('a')).toEqual({ source: 'email', language: 'en' });
    expect(fields.get('b')).toEqual({ language: 'fr' });
    expect(cachedSliceFields()([item('c')], '').get('c')).toEqual({});
  });

  it('keeps the fields of an unchanged item, and makes them again for a new language', () => {
    const fieldsOf = cachedSliceFields();
    const a = item('a', { metadata: { source: 'chat' } });
    const first = fieldsOf([a], 'en').get('a');
    expect(fieldsOf([a, item('b')], 'en').get('a')).toBe(first);
    expect(fieldsOf([a], 'de').get('a')).toEqual({ source: 'chat', language: 'de' });
  });
});
