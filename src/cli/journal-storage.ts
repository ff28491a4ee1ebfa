import { open, readFile, truncate, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { RunStorage } from '../features/runs/engine/run-storage';
import type { NewRunRows } from '../features/runs/store/new-run';
import type {
  Run,
  RunDocument,
  RunIntent,
  RunJob,
  RunResult,
  WholeRun,
} from '../features/runs/store/run-model';
import { applyPatch, journalEntrySchema, splitPatch, type JournalEntry } from './journal-entries';

export const JOURNAL_FILE = 'journal.jsonl';

/**
 * The runner's storage on the command line: the run in memory, and every change appended to a
 * journal file in the output folder and synced to disk before the runner goes on. A job is thus
 * on disk as possibly sent before its POST leaves, and with its URL before anything else happens
 * to it, as IndexedDB has them in the browser: running the same command again replays the journal
 * and the runner resumes from there (resumedJob: an unanswered POST waits for the user).
 */
export class JournalStorage implements RunStorage {
  private constructor(
    private readonly file: FileHandle,
    private run: Run,
    private readonly jobRows: RunJob[],
    private readonly documentRows: RunDocument[],
    private readonly resultRows: Map<number, RunResult>,
    readonly fingerprint: string,
  ) {}

  /** A new journal for a new run; refuses to overwrite one. */
  static async create(dir: string, rows: NewRunRows, fingerprint: string): Promise<JournalStorage> {
    const file = await open(join(dir, JOURNAL_FILE), 'wx');
    // Copies: the runner starts from the same rows and lets go of documents it has finished with.
    const storage = new JournalStorage(
      file,
      rows.run,
      rows.jobs.slice(),
      rows.documents.slice(),
      new Map(),
      fingerprint,
    );
    await storage.append({ t: 'run', fingerprint, ...rows });
    return storage;
  }

  /** The journal in `dir` replayed, or undefined when there is none. */
  static async resume(dir: string): Promise<JournalStorage | undefined> {
    const path = join(dir, JOURNAL_FILE);
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return undefined;
      throw error;
    }
    const { entries, goodBytes } = parseJournal(text);
    // A line cut short by a crash goes, so that the next line starts on a line of its own.
    if (goodBytes < Buffer.byteLength(text)) await truncate(path, goodBytes);
    const [head] = entries;
    if (head?.t !== 'run') throw new Error(`${path} is not a run journal.`);
    const results = new Map<number, RunResult>();
    const storage = new JournalStorage(
      await open(path, 'a'),
      head.run,
      head.jobs,
      head.documents,
      results,
      head.fingerprint,
    );
    for (const entry of entries.slice(1)) storage.replay(entry);
    return storage;
  }

  private replay(entry: JournalEntry): void {
    if (entry.t === 'job') this.patchJob(entry.index, entry.set, entry.unset);
    else if (entry.t === 'intent') this.run = { ...this.run, intent: entry.intent };
    else if (entry.t === 'finished') {
      for (const job of entry.entries) {
        this.patchJob(job.index, job.set, job.unset);
        for (const result of job.results) this.resultRows.set(result.index, result);
      }
    }
  }

  private patchJob(index: number, set: Partial<RunJob>, unset: readonly string[]): void {
    const job = this.jobRows[index];
    if (job) this.jobRows[index] = applyPatch(job, set, unset);
  }

  /** One line, on disk before the promise resolves. */
  private async append(entry: JournalEntry): Promise<void> {
    await this.file.appendFile(`${JSON.stringify(entry)}\n`);
    await this.file.datasync();
  }

  close(): Promise<void> {
    return this.file.close();
  }

  /** The run as it stands, for the run file and results.jsonl. */
  whole(): WholeRun {
    return {
      run: this.run,
      documents: this.documentRows,
      jobs: this.jobRows,
      results: [...this.resultRows.values()].sort((a, b) => a.index - b.index),
      corrections: [],
    };
  }

  // --- the runner's port --------------------------------------------------------------------

  get = (runId: string) => Promise.resolve(runId === this.run.id ? this.run : undefined);

  jobs = () => Promise.resolve(this.jobRows.map((job) => ({ ...job })));

  documents = (_runId: string, indexes?: number[]) =>
    Promise.resolve(
      indexes
        ? indexes.flatMap((index) => this.documentRows[index] ?? [])
        : this.documentRows.slice(),
    );

  updateJob = async (_runId: string, index: number, patch: Partial<RunJob>) => {
    if (!this.jobRows[index]) return false;
    const { set, unset } = splitPatch(patch);
    this.patchJob(index, set, unset);
    await this.append({ t: 'job', index, set, unset });
    return true;
  };

  finishJobs = async (
    runId: string,
    finished: { index: number; patch: Partial<RunJob>; results: Omit<RunResult, 'runId'>[] }[],
  ) => {
    const entries = finished.map(({ index, patch, results }) => ({
      index,
      ...splitPatch(patch),
      results: results.map((result) => ({ ...result, runId })),
    }));
    const entry: JournalEntry = { t: 'finished', entries };
    this.replay(entry);
    await this.append(entry);
  };

  setIntent = async (_runId: string, intent: RunIntent) => {
    this.run = { ...this.run, intent };
    await this.append({ t: 'intent', intent });
  };
}

function parseJournal(text: string): { entries: JournalEntry[]; goodBytes: number } {
  const lines = text.split('\n');
  const entries: JournalEntry[] = [];
  let goodBytes = 0;
  for (const [number, line] of lines.entries()) {
    if (line.trim() === '') {
      goodBytes += Buffer.byteLength(line) + (number < lines.length - 1 ? 1 : 0);
      continue;
    }
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      // The last line cut short by a crash: what it said had not happened yet.
      if (number === lines.length - 1) break;
      throw new Error(`The journal's line ${number + 1} is not JSON: the journal is damaged.`);
    }
    const entry = journalEntrySchema.safeParse(value);
    if (!entry.success) throw new Error(`The journal's line ${number + 1} is not a journal entry.`);
    entries.push(entry.data);
    goodBytes += Buffer.byteLength(line) + (number < lines.length - 1 ? 1 : 0);
  }
  return { entries, goodBytes };
}
