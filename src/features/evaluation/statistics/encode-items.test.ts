import { describe, expect, it } from 'vitest';
import { multiItems, singleItems } from '../test-items';
import { decodeItems, encodeItems } from './encode-items';

describe('encodeItems', () => {
  it('round-trips every field but the id, which becomes the index', () => {
    for (const items of [singleItems, multiItems]) {
      expect(decodeItems(encodeItems(items))).toEqual(
        items.map((one, index) => ({ ...one, id: String(index) })),
      );
    }
  });
});
