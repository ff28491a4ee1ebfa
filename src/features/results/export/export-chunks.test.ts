import { describe, expect, it } from 'vitest';
import { itemsOf, marksOf, meta, settings } from './export-test-data';
import { labelsCsvChunks, resultsCsvChunks, ROWS_PER_CHUNK } from './results-csv';
import { DOCUMENTS_PER_CHUNK, resultsJsonChunks } from './results-json';

// A chunk size of the whole set writes the file in one piece, as the exports did before chunks.
const sizes = (count: number) => [1, 2, 7, Math.max(count, 1)];
const counts = [0, 1, Math.max(ROWS_PER_CHUNK, DOCUMENTS_PER_CHUNK) * 2 + 3];

describe.each(counts)('the chunked exports of %i results', (count) => {
  const items = itemsOf(count);
  const marks = marksOf(items);

  it.each(sizes(count))('write the same CSV text, %i rows a chunk', (size) => {
    const whole = [...resultsCsvChunks(items, settings, count || 1)].join('');
    const chunks = [...resultsCsvChunks(items, settings, size)];
    expect(chunks).toHaveLength(1 + Math.ceil(count / size));
    expect(chunks.join('')).toBe(whole);
    expect([...resultsCsvChunks(items, undefined, size)].join('')).toBe(
      [...resultsCsvChunks(items, undefined, count || 1)].join(''),
    );
  });

  it.each(sizes(count))('write the same labels text, %i rows a chunk', (size) => {
    const chunks = [...labelsCsvChunks(items, size)];
    expect(chunks).toHaveLength(1 + Math.ceil(count / size));
    expect(chunks.join('')).toBe([...labelsCsvChunks(items, count || 1)].join(''));
  });

  it.each(sizes(count))(
    'write the JSON text JSON.stringify would, %i documents a chunk',
    (size) => {
      const chunks = [...resultsJsonChunks(items, settings, meta, marks, size)];
      expect(chunks).toHaveLength(2 + Math.ceil(count / size));
      const json = chunks.join('');
      expect(json).toBe(`${JSON.stringify(JSON.parse(json), null, 2)}\n`);
      expect(JSON.parse(json)).toMatchObject({ documentCount: count });
      expect(json).toBe([...resultsJsonChunks(items, settings, meta, marks, count || 1)].join(''));
    },
  );
});

describe('the default chunk sizes', () => {
  it('split a large set into several chunks and write the same text as one piece', () => {
    const items = itemsOf(ROWS_PER_CHUNK * 3);
    expect([...resultsCsvChunks(items, settings)]).toHaveLength(4);
    expect([...resultsCsvChunks(items, settings)].join('')).toBe(
      [...resultsCsvChunks(items, settings, items.length)].join(''),
    );
    expect([...resultsJsonChunks(items, settings, meta)].length).toBeGreaterThan(3);
  });
});
