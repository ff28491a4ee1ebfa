import Papa from 'papaparse';

/** CSV and TSV read by Papa Parse a batch at a time, so a large file never sits in one string. */

declare module 'papaparse' {
  // Typed `any` upstream. With no header, no typing and no step, it gives rows of strings.
  interface Parser {
    parse(input: string, baseIndex: number, ignoreLastRow: boolean): ParseResult<string[]>;
  }
}

export interface DelimitedTable {
  /** The header row. */
  columns: string[];
  rows: string[][];
  /** The row (as a spreadsheet numbers it, header = 1) where a quoted field opens and never closes. */
  unclosedQuoteRow?: number;
  /**
   * The first row where a quoted value goes on after its closing quote (`"ab"cd`): Papa Parse then
   * reads on to the next quote that ends a field, line breaks included, as one value.
   */
  strayQuoteRow?: number;
}

interface DelimitedParser {
  push(chunk: string): void;
  end(): DelimitedTable;
}

type LineBreak = '\r\n' | '\n' | '\r';

/** Papa Parse's guess, from the line breaks outside quotes in the text's first megabyte. */
function guessLineBreak(text: string, delimiter: string): LineBreak {
  // Cut here too: without quotes, Papa Parse splits all it is given into lines before its preview.
  const { linebreak } = Papa.parse(text.slice(0, 1 << 20), { delimiter, preview: 1 }).meta;
  return linebreak === '\r\n' || linebreak === '\r' ? linebreak : '\n';
}

/** Text handed to Papa Parse at once: one call per megabyte costs nothing next to the parsing. */
const BATCH_CHARS = 1 << 20;

/** `batchChars` is for tests, which end batches at every place in a record. */
export function createDelimitedParser(
  delimiter: string,
  batchChars = BATCH_CHARS,
): DelimitedParser {
  if (delimiter.length !== 1) throw new Error('The delimiter must be one character.');
  const records: string[][] = [];
  const quotes: Pick<DelimitedTable, 'unclosedQuoteRow' | 'strayQuoteRow'> = {};
  let pending: string[] = [];
  let pendingChars = 0;
  let atStart = true;
  // The record the last batch ended in, read again with the next batch.
  let carried = '';
  // Guessed once, from the first batch that holds a line break (the file's CRLF, LF or CR).
  let newline: LineBreak | undefined;

  /** Reads `text`, which starts at a record; unless it is the file's end, returns its last record unread. */
  const parse = (text: string, last: boolean): string => {
    if (newline === undefined && /[\r\n]/.test(text)) newline = guessLineBreak(text, delimiter);
    const parser = new Papa.Parser({ delimiter, newline: newline ?? '\n', quoteChar: '"' });
    const { data, errors, meta } = parser.parse(text, 0, !last);
    const before = records.length;
    for (const record of data) records.push(record);
    for (const { code, row = 0 } of errors) {
      // Errors about the record kept back for the next batch come again then.
      if (row >= data.length) continue;
      const spreadsheetRow = before + row + 1;
      if (code === 'InvalidQuotes') quotes.strayQuoteRow ??= spreadsheetRow;
      if (code === 'MissingQuotes') quotes.unclosedQuoteRow ??= spreadsheetRow;
    }
    return last ? '' : text.slice(meta.cursor);
  };

  /** Reads what has come, keeping back the record it ends in. */
  const parseSoFar = (text: string): string => {
    // A final CR may be half of a CRLF: it waits, so that the line break is never guessed wrong.
    const held = text.endsWith('\r') ? '\r' : '';
    const whole = held ? text.slice(0, -1) : text;
    return (whole ? parse(whole, false) : '') + held;
  };

  return {
    push(chunk) {
      if (atStart && chunk) {
        atStart = false;
        if (chunk.startsWith('\uFEFF')) chunk = chunk.slice(1);
      }
      pending.push(chunk);
      pendingChars += chunk.length;
      // Batches grow with a record that never ends (an open quote), so it is reread only log n times.
      if (pendingChars < Math.max(batchChars, carried.length)) return;
      carried = parseSoFar(carried + pending.join(''));
      pending = [];
      pendingChars = 0;
    },

    end() {
      const text = carried + pending.join('');
      // Read as a batch first: a file that ends with a line break has no empty record after it.
      const rest = text ? parse(text, false) : '';
      if (rest) parse(rest, true);
      const [columns = [], ...rows] = records;
      return { columns, rows, ...quotes };
    },
  };
}

export function parseDelimited(text: string, delimiter: string): DelimitedTable {
  const parser = createDelimitedParser(delimiter);
  parser.push(text);
  return parser.end();
}

/**
 * Tab for .tsv; otherwise the delimiter that splits the header into the most columns (Papa Parse's
 * sniffing: comma, semicolon as spreadsheets write in many locales, tab, bar), or a comma.
 */
export function guessDelimiter(fileName: string, firstLine: string): string {
  if (/\.tsv$/i.test(fileName)) return '\t';
  return Papa.parse(firstLine, { delimitersToGuess: [',', ';', '\t', '|'], preview: 1 }).meta
    .delimiter;
}
