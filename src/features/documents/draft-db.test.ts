import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { chunkDocuments, createDraftRepository, DraftDatabase } from './draft-db';
import type { ImportedDocument } from './import/imported-documents';

const many = (count: number, prefix = 'd'): ImportedDocument[] =>
  Array.from({ length: count }, (_, index) => ({
    id: `${prefix}${index + 1}`,
    text: `Document ${index + 1}`,
    ...(index % 3 === 0 ? { labels: ['Billing', 'Refund'] } : {}),
    ...(index % 5 === 0 ? { language: 'de' } : {}),
  }));

let databases = 0;
const freshDatabase = () => new DraftDatabase(`draft-db-test-${(databases += 1)}`);

describe('chunkDocuments', () => {
  it('cuts by count and by characters, never leaving a chunk empty', () => {
    const documents = many(5);
    expect(
      chunkDocuments(documents, { documents: 2, characters: 1_000 }).map((c) => c.length),
    ).toEqual([2, 2, 1]);
    const long = [
      { id: 'a', text: 'x'.repeat(50) },
      { id: 'b', text: 'y' },
      { id: 'c', text: 'z' },
    ];
    expect(chunkDocuments(long, { documents: 10, characters: 10 }).map((c) => c.length)).toEqual([
      1, 2,
    ]);
    expect(chunkDocuments([])).toEqual([]);
  });
});

describe('the draft repository', () => {
  it('keeps 10,000 documents with their labels, in order, across a new connection', async () => {
    const db = freshDatabase();
    const documents = many(10_000);
    expect(await createDraftRepository(db).save({ sourceName: 'tickets.csv', documents })).toBe(
      true,
    );
    // Chunks, not one row per document.
    expect(await db.chunks.count()).toBe(10);
    db.close();

    // A reload: a new connection and a new repository read it back.
    const reopened = createDraftRepository(new DraftDatabase(db.name));
    const restored = await reopened.load();
    expect(restored?.sourceName).toBe('tickets.csv');
    expect(restored?.documents).toEqual(documents);
    expect(restored?.documents[0]).toEqual({
      id: 'd1',
      text: 'Document 1',
      labels: ['Billing', 'Refund'],
      language: 'de',
    });
  });

  it('has nothing to load before a save and after a clear', async () => {
    const repository = createDraftRepository(freshDatabase());
    expect(await repository.load()).toBeUndefined();
    await repository.save({ sourceName: 'a.jsonl', documents: many(3) });
    await repository.clear();
    expect(await repository.load()).toBeUndefined();
  });

  it('replaces the previous set, leaving none of its chunks behind', async () => {
    const db = freshDatabase();
    const repository = createDraftRepository(db, { documents: 2, characters: 1_000 });
    await repository.save({ sourceName: 'first.csv', documents: many(7, 'f') });
    await repository.save({ sourceName: 'second.csv', documents: many(3, 's') });
    expect((await repository.load())?.documents.map((document) => document.id)).toEqual([
      's1',
      's2',
      's3',
    ]);
    expect(await db.chunks.count()).toBe(2);
  });

  it('keeps the later of two saves that overlap, and a clear that comes after both', async () => {
    const db = freshDatabase();
    const repository = createDraftRepository(db, { documents: 10, characters: 1_000_000 });
    const slow = repository.save({ sourceName: 'big.csv', documents: many(500, 'b') });
    const quick = repository.save({ sourceName: 'small.csv', documents: many(2, 's') });
    expect(await Promise.all([slow, quick])).toEqual([false, true]);
    const loaded = await repository.load();
    expect(loaded?.sourceName).toBe('small.csv');
    expect(await db.chunks.count()).toBe(1);

    const overtaken = repository.save({ sourceName: 'big.csv', documents: many(500, 'b') });
    await repository.clear();
    expect(await overtaken).toBe(false);
    expect(await repository.load()).toBeUndefined();
    expect(await db.chunks.count()).toBe(0);
  });

  it('loads nothing when a chunk is missing, rather than part of the set', async () => {
    const db = freshDatabase();
    const repository = createDraftRepository(db, { documents: 2, characters: 1_000 });
    await repository.save({ sourceName: 'a.csv', documents: many(5) });
    const [first] = await db.chunks.toArray();
    if (first) await db.chunks.delete([first.importId, 1]);
    expect(await repository.load()).toBeUndefined();
  });
});
