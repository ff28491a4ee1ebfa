import { describe, expect, it } from 'vitest';
import { JsonShapeError, JsonShapeScanner } from './json-shape';

const limits = { maxDepth: 4, maxTopEntries: 3, maxInnerEntries: 2 };

/** Feeds `text` cut into pieces of `size` characters (every place a chunk may end). */
function scan(text: string, size: number): JsonShapeError | undefined {
  const scanner = new JsonShapeScanner(limits);
  try {
    for (let at = 0; at < text.length; at += size) scanner.feed(text.slice(at, at + size));
  } catch (error) {
    if (error instanceof JsonShapeError) return error;
    throw error;
  }
  return undefined;
}

describe('JSON shape scanner', () => {
  it('counts only the commas and brackets outside strings, escapes included, however the text is cut', () => {
    const tricky = JSON.stringify({
      documents: ['a,b,c,[{', 'say \\"hi\\", \\\\', '\\\\", ,"'],
      run: { id: '"{[,,,' },
    });
    for (let size = 1; size <= tricky.length; size++) expect(scan(tricky, size)).toBeUndefined();
  });

  it('names the list directly under the outermost object that holds too many', () => {
    for (const size of [1, 3, 1000]) {
      const error = scan('{"documents": [1, 2, 3, 4]}', size);
      expect(error?.problem).toEqual({ kind: 'too-many', key: 'documents', limit: 3, top: true });
    }
  });

  it('applies the smaller limit deeper down, and a depth limit', () => {
    expect(scan('{"documents": [{"a": 1, "b": 2, "c": 3}]}', 5)?.problem).toEqual({
      kind: 'too-many',
      key: undefined,
      limit: 2,
      top: false,
    });
    expect(scan('{"a": [[[[1]]]]}', 2)?.problem).toEqual({ kind: 'too-deep', depth: 5 });
  });
});
