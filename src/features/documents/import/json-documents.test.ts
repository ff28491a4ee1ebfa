import { describe, expect, it } from 'vitest';
import { parseJsonDocuments } from './json-documents';

describe('parseJsonDocuments', () => {
  it('reads JSON Lines, numeric ids as text, with an optional language and label', () => {
    const text =
      '{"id": 1, "text": "Refund please", "language": "en"}\n\n{"id":"b","text":"Hallo","label":"Account"}\r\n';
    expect(parseJsonDocuments(text)).toEqual({
      documents: [
        { id: '1', text: 'Refund please', language: 'en' },
        { id: 'b', text: 'Hallo', labels: ['Account'] },
      ],
      problems: [],
    });
  });

  it('reads an array and a {documents: [...]} object alike', () => {
    const documents = [{ id: 'a', text: 'one' }];
    expect(parseJsonDocuments(JSON.stringify(documents)).documents).toEqual(documents);
    expect(parseJsonDocuments(JSON.stringify({ documents }, null, 2)).documents).toEqual(documents);
  });

  it('names the lines that are not JSON and the records that are not documents', () => {
    const text = '{"id":"a","text":"ok"}\n{"id":"b", text: oops}\n{"id":"c"}\n';
    const { documents, problems } = parseJsonDocuments(text);
    expect(documents).toEqual([{ id: 'a', text: 'ok' }]);
    expect(problems.map((problem) => problem.severity)).toEqual(['error', 'error']);
    expect(problems[0]?.message).toBe('1 line is not valid JSON: line 2.');
    expect(problems[1]?.message).toMatch(/^1 record is not .*line 3: text: /);
  });

  it('numbers records in an array', () => {
    const { problems } = parseJsonDocuments('[{"id":"a","text":"x"},{"id":true,"text":"y"}]');
    expect(problems[0]?.message).toMatch(/record 2: id: /);
  });

  it('says near which line a JSON array breaks', () => {
    const { problems } = parseJsonDocuments('[\n{"id":"a","text":"x"},\n{"id":"b" "text":"y"}\n]');
    expect(problems[0]?.message).toMatch(/^The file is not valid JSON \(near line 3\)/);
  });

  it('catches duplicate ids with their lines', () => {
    const { problems } = parseJsonDocuments('{"id":"a","text":"x"}\n{"id":"a","text":"y"}\n');
    expect(problems[0]?.message).toMatch(/“a” \(lines 1 and 2\)/);
  });

  it('leaves out a record too long for the service, naming its line, and keeps the rest', () => {
    const long = JSON.stringify({ id: 'big', text: 'x'.repeat(200_000) });
    const { documents, problems } = parseJsonDocuments(`{"id":"a","text":"ok"}\n${long}\n`);
    expect(documents).toEqual([{ id: 'a', text: 'ok' }]);
    expect(problems.map((problem) => problem.severity)).toEqual(['warning']);
    expect(problems[0]?.message).toMatch(
      /^1 document is longer than the service takes .* line 2\./,
    );
  });
});
