import { describe, expect, it } from 'vitest';
import { multiItems, singleItems } from '../test-items';
import { decodeItems, encodeItems, encodeItemsSliced } from './encode-items';

describe('encodeItems', () => {
  it('round-trips every field but the id, which becomes the index', () => {
    for (const items of [singleItems, multiItems]) {
      expect(decodeItems(encodeItems(items))).toEqual(
        items.map((one, index) => ({ ...one, id: String(index) })),
      );
    }
  });
});

describe('encodeItemsSliced', () => {
  it('encodes as encodeItems does, pausing between slices', async () => {
    let pauses = 0;
    const encoded = await encodeItemsSliced(
      multiItems,
      () => {
        pauses += 1;
        return Promise.resolve();
      },
      2,
    );
    expect(encoded).toEqual(encodeItems(multiItems));
    // One after sizing the arrays, then one between slices.
    expect(pauses).toBe(Math.ceil(multiItems.length / 2));
  });
});
