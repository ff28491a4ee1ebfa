import { describe, expect, it } from 'vitest';
import { createDelimitedParser, guessDelimiter, parseDelimited } from './delimited';

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

  it('drops a BOM, takes CRLF, LF and CR as line ends, and needs no final line break', () => {
    expect(parseDelimited('\uFEFFa,b\r\n1,2\r3,4\n5,6', ',')).toEqual({
      columns: ['a', 'b'],
      rows: [
        ['1', '2'],
        ['3', '4'],
        ['5', '6'],
      ],
    });
  });

  it('keeps empty fields, a trailing one included, and blank lines as one empty field', () => {
    expect(parseDelimited('a,b,c\n,,\n1,2,\n\n', ',').rows).toEqual([
      ['', '', ''],
      ['1', '2', ''],
      [''],
    ]);
  });

  it('reads tab-separated values with quotes', () => {
    expect(parseDelimited('id\ttext\nx\t"a\tb"\n', '\t').rows).toEqual([['x', 'a\tb']]);
  });

  it('keeps text after a closing quote, as spreadsheets do', () => {
    expect(parseDelimited('a\n"ab"cd,e\n', ',').rows).toEqual([['abcd', 'e']]);
  });

  it('reports the row where a quote opens and never closes', () => {
    const table = parseDelimited('id,text\n1,ok\n2,"never closed\n3,more\n', ',');
    expect(table.unclosedQuoteRow).toBe(3);
    expect(table.rows.at(-1)).toEqual(['2', 'never closed\n3,more\n']);
  });

  it('reads nothing from an empty file', () => {
    expect(parseDelimited('', ',')).toEqual({ columns: [], rows: [] });
  });

  it('gives the same table whatever the chunks, a CRLF or an escaped quote split between them', () => {
    const csv = '\uFEFFid,text\r\n1,"He said ""hi""\r\nthen left"\r\n2,plain text\r\n3,"a,b"\r\n';
    const whole = parseDelimited(csv, ',');
    for (let size = 1; size <= 7; size += 1) {
      const parser = createDelimitedParser(',');
      for (let start = 0; start < csv.length; start += size)
        parser.push(csv.slice(start, start + size));
      expect(parser.end()).toEqual(whole);
    }
    expect(whole.rows[0]).toEqual(['1', 'He said "hi"\r\nthen left']);
  });

  it('parses 100,000 rows quickly', () => {
    const csv =
      'id,text\n' + Array.from({ length: 100_000 }, (_, i) => `doc${i},"text, ${i}"`).join('\n');
    const started = performance.now();
    const table = parseDelimited(csv, ',');
    expect(table.rows).toHaveLength(100_000);
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});

describe('guessDelimiter', () => {
  it('uses tabs for .tsv, and semicolons when a CSV header has more of them than commas', () => {
    expect(guessDelimiter('a.TSV', 'id,text')).toBe('\t');
    expect(guessDelimiter('a.csv', 'id,text')).toBe(',');
    expect(guessDelimiter('a.csv', 'id;text;label')).toBe(';');
  });
});
