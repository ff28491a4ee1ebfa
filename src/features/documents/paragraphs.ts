import type { InputDocument } from '../../service/model';

/** One document per paragraph: paragraphs are separated by a line that is blank or only spaces. */
export function splitDocuments(text: string): InputDocument[] {
  return text
    .split(/\r?\n[ \t\u00a0]*\r?\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph.length > 0)
    .map((paragraph, index) => ({ id: `doc${index + 1}`, text: paragraph }));
}
