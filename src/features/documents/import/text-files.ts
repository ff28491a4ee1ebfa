import { validateImport, type ImportEntries, type ImportedDocuments } from './imported-documents';
import { onFirstUse } from '../../../lib/on-first-use';

interface NamedText {
  name: string;
  text: string;
}

/** "notes/ticket-17.txt" → "ticket-17". */
export function idFromFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? name;
  const dot = base.lastIndexOf('.');
  return (dot > 0 ? base.slice(0, dot) : base).trim();
}

const natural = onFirstUse(() => new Intl.Collator('en', { numeric: true }));

/** In natural name order (t2 before t10), since a file dialog hands files over in any order. */
export function textFileEntries(files: NamedText[]): ImportEntries {
  const { compare } = natural();
  const sorted = [...files].sort((a, b) => compare(a.name, b.name));
  return {
    entries: sorted.map((file) => ({
      document: { id: idFromFileName(file.name), text: file.text.trim() },
      place: file.name,
    })),
    problems: [],
  };
}

/** One document per file, its id the file name without the extension. */
export function parseTextFiles(files: NamedText[]): ImportedDocuments {
  return validateImport(textFileEntries(files));
}
