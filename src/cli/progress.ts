import { formatCount } from '../lib/format';

/** What a progress line shows: documents done of all, failures, and what the run waits for. */
export interface ProgressFacts {
  done: number;
  total: number;
  failed: number;
  /** Set while the service asks to wait (429), or the run waits for a decision. */
  note?: string | undefined;
}

const BAR_WIDTH = 30;
/** Without a terminal (a log file, a scheduler), a line at most this often. */
const PLAIN_EVERY_MS = 5_000;

export function progressText({ done, total, failed, note }: ProgressFacts): string {
  const failures = failed > 0 ? ` · ${formatCount(failed)} failed` : '';
  return `${formatCount(done)} / ${formatCount(total)} documents${failures}${note ? ` · ${note}` : ''}`;
}

export function progressBar(done: number, total: number, width = BAR_WIDTH): string {
  const filled = total === 0 ? width : Math.round((done / total) * width);
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}]`;
}

interface Output {
  isTTY?: boolean;
  write: (text: string) => boolean;
}

/**
 * Progress on stderr (stdout stays for what a script reads): a bar redrawn in place on a
 * terminal, plain lines every few seconds otherwise.
 */
export class Progress {
  private lastLine = '';
  private lastPlainAt = 0;
  private barShown = false;

  constructor(
    private readonly out: Output = process.stderr,
    private readonly now: () => number = Date.now,
  ) {}

  update(facts: ProgressFacts): void {
    const text = progressText(facts);
    if (this.out.isTTY) {
      const line = `${progressBar(facts.done, facts.total)} ${text}`;
      if (line === this.lastLine) return;
      this.lastLine = line;
      this.barShown = true;
      this.out.write(`\r\u001b[2K${line}`);
      return;
    }
    const finished = facts.done === facts.total;
    if (text === this.lastLine || (!finished && this.now() - this.lastPlainAt < PLAIN_EVERY_MS))
      return;
    this.lastLine = text;
    this.lastPlainAt = this.now();
    this.out.write(`${text}\n`);
  }

  /** A message of its own, on its own line (the bar, if any, is redrawn after it). */
  say(message: string): void {
    if (this.barShown) this.out.write('\r\u001b[2K');
    this.out.write(`${message}\n`);
    if (this.barShown) this.out.write(this.lastLine);
  }

  end(): void {
    if (this.barShown) this.out.write('\n');
    this.barShown = false;
  }
}
