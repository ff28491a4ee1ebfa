import { describe, expect, it } from 'vitest';
import { blobNameFor } from './blob-names';

const RUN = '3f0c2a1e-8d4b-4c7a-9e1f-0a2b3c4d5e6f';

describe('blobNameFor', () => {
  it('names a safe document ID as it is, at the container root, as a .txt blob', () => {
    expect(blobNameFor(RUN, 'ticket-01')).toBe(`cc-${RUN}-ticket-01.txt`);
  });

  it('is deterministic: the same run and document give the same name', () => {
    expect(blobNameFor(RUN, 'a/b c')).toBe(blobNameFor(RUN, 'a/b c'));
  });

  it('sanitises unsafe characters (no folder, no space) and keeps names apart', () => {
    const names = ['a/b', 'a b', 'a_b', 'a?b', 'a.b', 'A_B', ''].map((id) => blobNameFor(RUN, id));
    for (const name of names) {
      expect(name).toMatch(/^cc-[A-Za-z0-9_.-]+\.txt$/);
      expect(name).not.toContain('/');
    }
    expect(new Set(names).size).toBe(names.length);
    // The unchanged ID keeps its plain name; the changed ones carry a hash after a dot.
    expect(blobNameFor(RUN, 'a_b')).toBe(`cc-${RUN}-a_b.txt`);
    expect(blobNameFor(RUN, 'a/b')).toMatch(new RegExp(`^cc-${RUN}-a_b\\.[0-9a-z]{8}\\.txt$`));
  });

  it('shortens a very long ID and still tells two long IDs apart', () => {
    const long = 'x'.repeat(300);
    const name = blobNameFor(RUN, long);
    expect(name.length).toBeLessThan(200);
    expect(blobNameFor(RUN, `${long}y`)).not.toBe(name);
  });

  it('keeps runs apart, even for run IDs that are not UUIDs', () => {
    expect(blobNameFor('x-y', 'z')).not.toBe(blobNameFor('x', 'y-z'));
    expect(blobNameFor(RUN, 'doc')).not.toBe(blobNameFor(RUN.toUpperCase(), 'doc'));
  });
});
