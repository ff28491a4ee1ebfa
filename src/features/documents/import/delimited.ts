/** CSV and TSV as RFC 4180 describes them, read in chunks so a large file never sits in one string. */

export interface DelimitedTable {
  /** The header row. */
  columns: string[];
  rows: string[][];
  /** The row (as a spreadsheet numbers it, header = 1) where a quoted field opens and never closes. */
  unclosedQuoteRow?: number;
}

interface DelimitedParser {
  push(chunk: string): void;
  end(): DelimitedTable;
}

const QUOTE = 34;
const CR = 13;
const LF = 10;

const FIELD_START = 0;
const UNQUOTED = 1;
const QUOTED = 2;
/** A quote inside a quoted field: either the first of an escaped pair or the closing one. */
const QUOTE_IN_QUOTED = 3;

export function createDelimitedParser(delimiter: string): DelimitedParser {
  if (delimiter.length !== 1) throw new Error('The delimiter must be one character.');
  const delimiterCode = delimiter.charCodeAt(0);
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let state: number = FIELD_START;
  let skipLineFeed = false;
  let firstChunk = true;
  let quoteOpenedInRecord = 0;

  const endField = () => {
    record.push(field);
    field = '';
    state = FIELD_START;
  };
  const endRecord = () => {
    endField();
    records.push(record);
    record = [];
  };

  return {
    push(chunk) {
      let index = 0;
      if (firstChunk && chunk.charCodeAt(0) === 0xfeff) index = 1;
      if (chunk.length > 0) firstChunk = false;
      // Where the not-yet-copied part of the current field starts in this chunk.
      let start = index;
      for (; index < chunk.length; index += 1) {
        const code = chunk.charCodeAt(index);
        if (skipLineFeed) {
          skipLineFeed = false;
          if (code === LF) {
            start = index + 1;
            continue;
          }
        }
        switch (state) {
          case FIELD_START:
            if (code === QUOTE) {
              state = QUOTED;
              quoteOpenedInRecord = records.length + 1;
              start = index + 1;
            } else if (code === delimiterCode) {
              endField();
            } else if (code === CR || code === LF) {
              endRecord();
              skipLineFeed = code === CR;
            } else {
              state = UNQUOTED;
              start = index;
            }
            break;
          case UNQUOTED:
            if (code === delimiterCode || code === CR || code === LF) {
              field += chunk.slice(start, index);
              if (code === delimiterCode) endField();
              else {
                endRecord();
                skipLineFeed = code === CR;
              }
            }
            break;
          case QUOTED:
            if (code === QUOTE) {
              field += chunk.slice(start, index);
              state = QUOTE_IN_QUOTED;
            }
            break;
          case QUOTE_IN_QUOTED:
            if (code === QUOTE) {
              field += '"';
              state = QUOTED;
              start = index + 1;
            } else if (code === delimiterCode) {
              endField();
            } else if (code === CR || code === LF) {
              endRecord();
              skipLineFeed = code === CR;
            } else {
              // Text after a closing quote breaks the RFC; keep it, as spreadsheets do.
              state = UNQUOTED;
              start = index;
            }
            break;
        }
      }
      if (state === UNQUOTED || state === QUOTED) field += chunk.slice(start);
    },

    end() {
      const unclosed = state === QUOTED;
      // A final line break ends the last record; no empty record follows it.
      if (state !== FIELD_START || record.length > 0) endRecord();
      const [header = [], ...rows] = records;
      return {
        columns: header,
        rows,
        ...(unclosed ? { unclosedQuoteRow: quoteOpenedInRecord } : {}),
      };
    },
  };
}

export function parseDelimited(text: string, delimiter: string): DelimitedTable {
  const parser = createDelimitedParser(delimiter);
  parser.push(text);
  return parser.end();
}

/** Tab for .tsv; for .csv a comma, unless the header uses semicolons (spreadsheets in many locales). */
export function guessDelimiter(fileName: string, firstLine: string): string {
  if (/\.tsv$/i.test(fileName)) return '\t';
  const count = (character: string) => firstLine.split(character).length - 1;
  return count(';') > count(',') ? ';' : ',';
}
