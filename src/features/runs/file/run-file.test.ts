import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { RunJob, WholeRun } from '../store/run-model';
import { RUN_FILE_LIMITS, type RunFileLimits } from './run-file-limits';
import { readRunFile, RunFileRefusal, type RunFileInput } from './run-file-read';
import { IMPORTED_OPEN_JOB, runFromFile } from './run-from-file';
import { runFileBaseName, RunFileTooLargeError, writeRunFile } from './run-file-write';
import { documentSlices, testWholeRun } from './test-run-file';

const NOW = Date.UTC(2026, 11, 6, 12);

async function write(whole: WholeRun, limits?: RunFileLimits) {
  return writeRunFile(
    { ...whole, documents: documentSlices(whole) },
    { now: NOW, ...(limits ? { limits } : {}) },
  );
}

async function textOf(blob: Blob): Promise<string> {
  return blob.text();
}

async function gzip(text: string): Promise<Blob> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Blob([await new Response(stream).arrayBuffer()]);
}

/** Stored rows as a run file gives them back: no job URL (it was the exporting browser's). */
function withoutUrls(whole: WholeRun): WholeRun {
  return {
    ...whole,
    jobs: whole.jobs.map(({ jobUrl: _jobUrl, ...job }) => job),
  };
}

async function refusal(file: RunFileInput, limits?: RunFileLimits): Promise<string> {
  const error: unknown = await readRunFile(file, limits).then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(RunFileRefusal);
  return error instanceof Error ? error.message : '';
}

const refusalOfText = (text: string, limits?: RunFileLimits) => refusal(new Blob([text]), limits);

/** A valid file's JSON, to break one thing at a time. */
async function validJson(): Promise<Record<string, unknown>> {
  const { blob } = await write(testWholeRun());
  return fields(JSON.parse(await textOf(blob)));
}

const fields = (value: unknown) => z.record(z.string(), z.unknown()).parse(value);
const rows = (value: unknown) => z.array(z.record(z.string(), z.unknown())).parse(value);

describe('a run as a file', () => {
  it('round trip: documents, jobs, results, corrections, threshold and times come back as stored', async () => {
    const whole = testWholeRun(4);
    const { blob, fileName, gzipped } = await write(whole);
    expect(gzipped).toBe(false);
    expect(fileName).toBe('SupportTickets-production · tickets.classify-run.json');
    const file = await readRunFile(blob);
    expect(file.version).toBe(1);
    expect(file.exportedAt).toBe(NOW);
    expect(runFromFile(file)).toEqual(withoutUrls(whole));
  });

  it('gzips a bigger run with CompressionStream, and reads it back the same', async () => {
    const whole = testWholeRun(300);
    const { blob, fileName, gzipped } = await write(whole);
    expect(gzipped).toBe(true);
    expect(fileName).toMatch(/\.classify-run\.json\.gz$/);
    const head = new Uint8Array(await blob.slice(0, 2).arrayBuffer());
    expect([...head]).toEqual([0x1f, 0x8b]);
    expect(runFromFile(await readRunFile(blob))).toEqual(withoutUrls(whole));
  });

  it('never carries a key or token, even when the settings object held one', async () => {
    const whole = testWholeRun(2);
    const settings = { ...whole.run.settings, key: 'secret-key-123', token: 'eyJsecret.token' };
    const { blob } = await write({ ...whole, run: { ...whole.run, settings } });
    const text = await textOf(blob);
    expect(text).not.toContain('secret-key-123');
    expect(text).not.toContain('eyJsecret');
    expect(text).not.toContain('"key"');
  });

  it('drops a key or token a file smuggles into the settings: it never reaches storage', async () => {
    const json = await validJson();
    const run = fields(json.run);
    const settings = fields(run.settings);
    json.run = { ...run, settings: { ...settings, key: 'stolen-key', token: 'stolen-token' } };
    const file = await readRunFile(new Blob([JSON.stringify(json)]));
    expect(JSON.stringify(runFromFile(file))).not.toContain('stolen');
  });

  it('jobs still open at the export are imported for the user to decide: never sent or polled by themselves', async () => {
    const whole = testWholeRun(75);
    const states: RunJob['state'][] = ['queued', 'sending', 'sent'];
    const jobs = whole.jobs.map((job, index) => {
      const { outcome: _o, finishedAt: _f, serviceDurationMs: _d, ...open } = job;
      return { ...open, state: states[index] ?? 'finished', status: 'running' };
    });
    const { blob } = await write({ ...whole, jobs, results: [] });
    const imported = runFromFile(await readRunFile(blob));
    expect(imported.jobs.map((job) => job.state)).toEqual(['unsure', 'unsure', 'unsure']);
    expect(imported.jobs.every((job) => job.error === IMPORTED_OPEN_JOB)).toBe(true);
    expect(imported.jobs.every((job) => job.jobUrl === undefined)).toBe(true);
    // The service's job id stays, to be looked up by hand.
    expect(imported.jobs[2]?.jobId).toBe('job-2');
  });

  it('keep both: another id and name, on every row', async () => {
    const { blob } = await write(testWholeRun(3));
    const copy = runFromFile(await readRunFile(blob), { id: 'copy', name: 'Tickets (imported)' });
    expect(copy.run).toMatchObject({ id: 'copy', name: 'Tickets (imported)' });
    for (const rows of [copy.documents, copy.jobs, copy.results, copy.corrections])
      expect(rows.every((row) => row.runId === 'copy')).toBe(true);
  });

  it('names files so that every file system takes them', () => {
    expect(runFileBaseName('a/b\\c:d*e?f"g<h>i|j')).toBe('a-b-c-d-e-f-g-h-i-j');
    expect(runFileBaseName('..  ')).toBe('run');
    expect(runFileBaseName('x'.repeat(300))).toHaveLength(100);
  });

  it('will not write a run larger than a run file may be (it could not be imported)', async () => {
    const error: unknown = await write(testWholeRun(50), {
      ...RUN_FILE_LIMITS,
      maxTextBytes: 4_000,
    }).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(RunFileTooLargeError);
  });
});

describe('a hostile or broken file is refused with the reason', () => {
  it('an empty file', async () => {
    expect(await refusalOfText('')).toBe('The file is empty.');
  });

  it('a 2 GB file, before a byte of it is read', async () => {
    const huge: RunFileInput = {
      size: 2 * 1024 ** 3,
      slice: () => {
        throw new Error('read');
      },
      stream: () => {
        throw new Error('read');
      },
    };
    expect(await refusal(huge)).toBe('The file is 2.0 GB; a run file can be at most 256 MB.');
  });

  it('a file that starts like gzip but is not', async () => {
    const junk = new Blob([new Uint8Array([0x1f, 0x8b, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10])]);
    expect(await refusal(junk)).toMatch(/^The file starts like gzip but cannot be unpacked/);
  });

  it('a gzip file cut short', async () => {
    const { blob } = await write(testWholeRun(300));
    const cut = blob.slice(0, Math.floor(blob.size / 2));
    expect(await refusal(cut)).toMatch(/^The file starts like gzip but cannot be unpacked/);
  });

  it('a gzip bomb: the unpacking stops as soon as the text passes the limit', async () => {
    const bomb = await gzip(' '.repeat(8 * 1024 * 1024));
    expect(bomb.size).toBeLessThan(100_000);
    const limits = { ...RUN_FILE_LIMITS, maxTextBytes: 1024 * 1024 };
    expect(await refusal(bomb, limits)).toBe(
      'Unpacked, the file is over 1.0 MB; a run file can be at most 1.0 MB.',
    );
  });

  it('ten million documents: refused at the millionth-and-first, before any is built', async () => {
    const documents = 10_000_000;
    let made = 0;
    const encoder = new TextEncoder();
    const head = '{"format":"classify-run","version":1,"documents":[';
    const stream = new ReadableStream<Uint8Array<ArrayBuffer>>({
      pull(controller) {
        if (made === 0) controller.enqueue(encoder.encode(head));
        if (made >= documents) return controller.close();
        const piece = Array.from({ length: 10_000 }, () => `{"id":"d${made++}","text":""}`);
        controller.enqueue(encoder.encode(`${piece.join(',')},`));
      },
    });
    const input: RunFileInput = {
      size: 200 * 1024 * 1024,
      slice: () => new Blob([head]),
      stream: () => stream,
    };
    expect(await refusal(input)).toBe(
      'The file holds more than 1,000,000 documents; a run file can hold at most 1,000,000.',
    );
    expect(made).toBeLessThan(1_100_000);
  });

  it('a list inside a document with more entries than any part of a run has', async () => {
    const metadata = Object.fromEntries(
      Array.from({ length: 10_001 }, (_, index) => [`c${index}`, '']),
    );
    const text = JSON.stringify({ format: 'classify-run', version: 1, documents: [{ metadata }] });
    expect(await refusalOfText(text)).toBe(
      'The file has a list or object of more than 10,000 entries, more than any part of a run has.',
    );
  });

  it('nesting deeper than a run file does', async () => {
    expect(await refusalOfText(`${'['.repeat(100_000)}${']'.repeat(100_000)}`)).toBe(
      'The file nests lists and objects deeper than a run file does.',
    );
  });

  it('text that is not UTF-8', async () => {
    expect(await refusal(new Blob([new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])]))).toBe(
      'The file is not UTF-8 text, so it is not a run file.',
    );
  });

  it('a JSON syntax error', async () => {
    expect(await refusalOfText('{"format": "classify-run", "version": 1,')).toMatch(
      /^The file is not valid JSON \(.+\)\.$/,
    );
  });

  it('JSON that is not a run file', async () => {
    for (const text of ['[]', '"run"', '{"documents": []}', '{"format":"other","version":1}'])
      expect(await refusalOfText(text)).toMatch(/^This is not a Classify Console run file/);
  });

  it('a newer or unknown format version', async () => {
    const json = await validJson();
    expect(await refusalOfText(JSON.stringify({ ...json, version: 2 }))).toBe(
      'This run file is format version 2, written by a newer Classify Console; this one reads version 1.',
    );
    expect(await refusalOfText(JSON.stringify({ ...json, version: 0.5 }))).toMatch(
      /^This run file has an unknown format version \(0\.5\)/,
    );
    expect(await refusalOfText(JSON.stringify({ ...json, version: '1' }))).toMatch(
      /^This is not a Classify Console run file/,
    );
  });

  it('wrong types, naming the place', async () => {
    const json = await validJson();
    const documents = rows(json.documents);
    const broken = {
      ...json,
      documents: documents.map((d, i) => (i === 1 ? { ...d, text: 5 } : d)),
    };
    expect(await refusalOfText(JSON.stringify(broken))).toMatch(
      /^The run file is damaged: documents\[1\]\.text: .*string/,
    );
    const results = rows(json.results);
    const outOfRange = {
      ...json,
      results: results.map((r) => ({ ...r, classes: [{ category: 'Billing', confidence: 7 }] })),
    };
    expect(await refusalOfText(JSON.stringify(outOfRange))).toMatch(
      /^The run file is damaged: results\[0\]\.classes\[0\]\.confidence: .*\(and 3 more problems\)\.$/,
    );
    const run = fields(json.run);
    const badVersion = { ...json, run: { ...run, createdAt: 'yesterday' } };
    expect(await refusalOfText(JSON.stringify(badVersion))).toMatch(
      /^The run file is damaged: run\.createdAt: /,
    );
  });

  it('rows that point at documents the file does not have', async () => {
    const json = await validJson();
    const documents = rows(json.documents);
    const twice = { ...json, documents: [...documents, documents[0]] };
    expect(await refusalOfText(JSON.stringify(twice))).toBe(
      'The run file is damaged: documents[4]: the id "doc1" is used twice.',
    );
    const corrections = [{ index: 9, id: 'doc10', labels: ['Billing'] }];
    expect(await refusalOfText(JSON.stringify({ ...json, corrections }))).toBe(
      'The run file is damaged: corrections[0] is for document 9 "doc10", which the file does not have once.',
    );
    const jobs = rows(json.jobs);
    const farJob = jobs.map((job) => ({ ...job, documentIndexes: [0, 99] }));
    expect(await refusalOfText(JSON.stringify({ ...json, jobs: farJob }))).toBe(
      'The run file is damaged: jobs[0] carries document 99, which the file does not have.',
    );
  });
});
