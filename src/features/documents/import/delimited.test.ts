import { describe, expect, it } from 'vitest';
import { createDelimitedParser, guessDelimiter, parseDelimited } from './delimited';

/** What the worker does: the file's text handed on in chunks, read in batches. */
function parseInChunks(text: string, chunkChars: number, batchChars?: number) {
  const parser = createDelimitedParser(',', batchChars);
  for (let start = 0; start < text.length; start += chunkChars)
    parser.push(text.slice(start, start + chunkChars));
  return parser.end();
}

describe('parseDelimited', () => {
  it('reads a header and rows', () => {
    expect(parseDelimited('id,text\n1,hello\n2,world\n', ',')).toEqual({
      columns: ['id', 'text'],
      rows: [
        ['1', 'hello'],
        ['2', 'world'],
      ],
    });
  });

  it('keeps delimiters, escaped quotes and line breaks inside quotes', () => {
    const csv = 'id,text\r\n1,"Hello, ""world""\r\nsecond line"\r\n2,"",x\r\n';
    expect(parseDelimited(csv, ',').rows).toEqual([
      ['1', 'Hello, "world"\r\nsecond line'],
      ['2', '', 'x'],
    ]);
  });

  it('keeps a line break inside quotes that is not the file’s own', () => {
    expect(parseDelimited('id,text\r\n1,"one\ntwo"\r\n', ',').rows).toEqual([['1', 'one\ntwo']]);
    expect(parseDelimited('id,text\n1,"one\r\ntwo"\n', ',').rows).toEqual([['1', 'one\r\ntwo']]);
  });

  it.each([
    ['CRLF', '\r\n'],
    ['LF', '\n'],
    ['CR', '\r'],
  ])('drops a BOM, takes %s as the line end, and needs no final line break', (_name, eol) => {
    const table = {
      columns: ['a', 'b'],
      rows: [
        ['1', '2'],
        ['3', '4'],
      ],
    };
    expect(parseDelimited(`\uFEFFa,b${eol}1,2${eol}3,4`, ',')).toEqual(table);
    expect(parseDelimited(`\uFEFFa,b${eol}1,2${eol}3,4${eol}`, ',')).toEqual(table);
  });

  it('drops only the BOM that starts the file', () => {
    expect(parseDelimited('\uFEFFa\n\uFEFFb\n', ',')).toEqual({
      columns: ['a'],
      rows: [['\uFEFFb']],
    });
  });

  it('keeps empty fields, a trailing one included, spaces, and blank lines as one empty field', () => {
    expect(parseDelimited('a,b,c\n,,\n1,2,\n\n x , y ,\n\n', ',').rows).toEqual([
      ['', '', ''],
      ['1', '2', ''],
      [''],
      [' x ', ' y ', ''],
      [''],
    ]);
  });

  it('reads a header alone as columns and no rows', () => {
    expect(parseDelimited('id,text\r\n', ',')).toEqual({ columns: ['id', 'text'], rows: [] });
  });

  it('reads tab-separated and semicolon-separated values with quotes', () => {
    expect(parseDelimited('id\ttext\nx\t"a\tb"\n', '\t').rows).toEqual([['x', 'a\tb']]);
    expect(parseDelimited('id;text\nx;"a;b, c"\n', ';').rows).toEqual([['x', 'a;b, c']]);
  });

  it('reports the row where a quoted value goes on after its closing quote', () => {
    // Papa Parse reads on to the next quote that ends a field; the row is named so it can be fixed.
    const table = parseDelimited('id,text\n1,ok\n2,"ab"cd\n3,"more"\n4,fine\n', ',');
    expect(table.strayQuoteRow).toBe(3);
    expect(table.unclosedQuoteRow).toBeUndefined();
    expect(table.rows).toEqual([
      ['1', 'ok'],
      ['2', 'ab"cd\n3,"more'],
      ['4', 'fine'],
    ]);
  });

  it('reports the row where a quote opens and never closes', () => {
    const table = parseDelimited('id,text\n1,ok\n2,"never closed\n3,more\n', ',');
    expect(table.unclosedQuoteRow).toBe(3);
    expect(table.strayQuoteRow).toBeUndefined();
    expect(table.rows.at(-1)).toEqual(['2', 'never closed\n3,more\n']);
  });

  it('reports no quote problem for quotes inside an unquoted value', () => {
    const table = parseDelimited('id,text\n1,She said "hi" twice\n', ',');
    expect(table).toEqual({ columns: ['id', 'text'], rows: [['1', 'She said "hi" twice']] });
  });

  it('reads nothing from an empty file, or one with only a BOM', () => {
    expect(parseDelimited('', ',')).toEqual({ columns: [], rows: [] });
    expect(parseDelimited('\uFEFF', ',')).toEqual({ columns: [], rows: [] });
  });

  it('gives the same table wherever chunks and batches end: in a CRLF, an escaped quote, a BOM', () => {
    const csv =
      '\uFEFFid,text\r\n1,"He said ""hi""\r\nthen left"\r\n2,plain text\r\n3,"a,b"\r\n\r\n4,"x"\r\n';
    const whole = parseDelimited(csv, ',');
    expect(whole.rows).toEqual([
      ['1', 'He said "hi"\r\nthen left'],
      ['2', 'plain text'],
      ['3', 'a,b'],
      [''],
      ['4', 'x'],
    ]);
    for (let chunk = 1; chunk <= 7; chunk += 1)
      for (const batch of [1, 2, 3, 5, 8, 1 << 20])
        expect(parseInChunks(csv, chunk, batch), `chunks ${chunk}, batches ${batch}`).toEqual(
          whole,
        );
  });

  it('gives the same quote problems wherever batches end', () => {
    const csv = 'id,text\n1,ok\n2,"ab"cd\n3,"more"\n4,"never closed\n5,x\n';
    const whole = parseDelimited(csv, ',');
    // Rows count records, as a spreadsheet does: the value of row 3 took the next line in.
    expect(whole).toMatchObject({ strayQuoteRow: 3, unclosedQuoteRow: 4 });
    for (let batch = 1; batch <= 9; batch += 1) expect(parseInChunks(csv, 3, batch)).toEqual(whole);
  });

  // How fast is the bench's to say (`npm run bench -- batch`), not a timed test's on a busy machine.
  it('parses 100,000 rows, quoted commas and all', () => {
    const csv =
      'id,text\n' + Array.from({ length: 100_000 }, (_, i) => `doc${i},"text, ${i}"`).join('\n');
    const table = parseDelimited(csv, ',');
    expect(table.rows).toHaveLength(100_000);
    expect(table.rows[99_999]).toEqual(['doc99999', 'text, 99999']);
  });

  it('reads 100,000 rows handed on in 64 KB chunks, as the worker does, all of them', () => {
    const csv =
      'id,text\r\n' +
      Array.from(
        { length: 100_000 },
        (_, i) => `doc${i},"Order ${i}, ""urgent""\r\nsent from the spring catalogue"`,
      ).join('\r\n');
    const started = performance.now();
    const table = parseInChunks(csv, 64 * 1024);
    // A guard against rereading, loose enough for a busy machine; the speed is the bench's.
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(table.rows).toHaveLength(100_000);
    expect(table.rows[99_999]).toEqual([
      'doc99999',
      'Order 99999, "urgent"\r\nsent from the spring catalogue',
    ]);
    expect(table.rows.every((row) => row.length === 2)).toBe(true);
  });

  it('reads a quote left open at the top of a large file without rereading it for every chunk', () => {
    const csv = 'id,text\n1,"open\n' + 'doc,plain text of the row\n'.repeat(200_000);
    const started = performance.now();
    const table = parseInChunks(csv, 64 * 1024);
    // Rereading from the open quote at every chunk would scan hundreds of megabytes.
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(table.unclosedQuoteRow).toBe(2);
    expect(table.rows).toHaveLength(1);
  });
});

describe('guessDelimiter', () => {
  it('uses tabs for .tsv, even when the header has one column', () => {
    expect(guessDelimiter('a.TSV', 'id,text')).toBe('\t');
    expect(guessDelimiter('notes.tsv', 'text')).toBe('\t');
  });

  it.each([
    ['a comma', 'id,text', ','],
    ['semicolons, as spreadsheets write them in many locales', 'id;text;label', ';'],
    ['semicolons over a comma inside a column name', 'id;text, short;label', ';'],
    ['a comma over a semicolon inside a quoted column name', '"text; note",id', ','],
    ['a tab in a .csv', 'id\ttext\tlabel\r', '\t'],
    ['a bar', 'id|text', '|'],
    ['a comma for a single column', 'text', ','],
    ['a comma for an empty first line', '', ','],
  ])('finds %s', (_what, header, delimiter) => {
    expect(guessDelimiter('tickets.csv', header)).toBe(delimiter);
  });
});
