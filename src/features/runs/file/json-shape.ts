/**
 * Counts a JSON text's nesting and entries as it streams past, without building anything, so that
 * a file with ten million documents is refused before JSON.parse would make ten million objects.
 * It checks shape only: whether the text is valid JSON is JSON.parse's to say afterwards.
 */

export interface JsonShapeLimits {
  /** Containers inside containers, the outermost one counting as 1. */
  maxDepth: number;
  /** Entries of a list or object directly under the outermost object (documents, results, …). */
  maxTopEntries: number;
  /** Entries of every other list or object (a document's metadata, a result's classes, …). */
  maxInnerEntries: number;
}

export type JsonShapeProblem =
  | { kind: 'too-deep'; depth: number }
  | { kind: 'too-many'; key: string | undefined; limit: number; top: boolean };

export class JsonShapeError extends Error {
  constructor(readonly problem: JsonShapeProblem) {
    super(problem.kind === 'too-deep' ? 'nested too deeply' : 'too many entries');
    this.name = 'JsonShapeError';
  }
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_OBJECT = 0x7b;
const OPEN_LIST = 0x5b;
const CLOSE_OBJECT = 0x7d;
const CLOSE_LIST = 0x5d;
/** Longer names than this under the outermost object are not ours; they are not remembered. */
const MAX_KEY = 32;

export class JsonShapeScanner {
  /** Per open container: its commas so far (entries = commas + 1) and the most it may hold. */
  private readonly commas: number[] = [];
  private readonly limits: number[] = [];
  private inString = false;
  /** A backslash ended the last piece inside a string: the next character is escaped. */
  private escaped = false;
  /** The string being read directly in the outermost object (a name, or a value), as written. */
  private pendingKey: string | undefined;
  private key: string | undefined;
  /** The outermost object's name the open top-level container is under. */
  private topKey: string | undefined;

  /** Where the piece being read has its next backslash (-1: not looked for yet; none: Infinity). */
  private backslashAt = -1;

  constructor(private readonly shape: JsonShapeLimits) {}

  /** Reads the next piece of text; throws JsonShapeError once a limit is passed. */
  feed(text: string): void {
    let at = 0;
    this.backslashAt = -1;
    while (at < text.length) {
      if (this.inString) {
        at = this.skipString(text, at);
        continue;
      }
      const code = text.charCodeAt(at);
      if (code === QUOTE) {
        this.inString = true;
        if (this.commas.length === 1) this.pendingKey = '';
      } else if (code === OPEN_OBJECT || code === OPEN_LIST) {
        this.open();
      } else if (code === CLOSE_OBJECT || code === CLOSE_LIST) {
        this.commas.pop();
        this.limits.pop();
      } else if (code === COMMA) {
        this.comma();
      } else if (code === COLON && this.commas.length === 1) {
        this.key = this.pendingKey;
      }
      at++;
    }
  }

  /** Moves past string characters from `at`; returns where reading goes on. */
  private skipString(text: string, at: number): number {
    if (this.escaped) {
      this.escaped = false;
      this.remember(text, at, at + 1);
      return at + 1;
    }
    // The next quote ends the string unless a backslash comes first (it escapes what follows).
    if (this.backslashAt < at) {
      this.backslashAt = text.indexOf('\\', at);
      if (this.backslashAt === -1) this.backslashAt = Infinity;
    }
    const quote = text.indexOf('"', at);
    const stop = Math.min(quote === -1 ? Infinity : quote, this.backslashAt);
    if (stop === Infinity) {
      this.remember(text, at, text.length);
      return text.length;
    }
    this.remember(text, at, stop);
    if (text.charCodeAt(stop) === BACKSLASH) {
      this.remember('\\', 0, 1);
      this.escaped = true;
      return stop + 1;
    }
    this.inString = false;
    return stop + 1;
  }

  /** Keeps a name's characters, only for names directly in the outermost object. */
  private remember(text: string, from: number, to: number): void {
    if (this.pendingKey === undefined || this.commas.length !== 1) return;
    if (this.pendingKey.length > MAX_KEY) return;
    this.pendingKey += text.slice(from, Math.min(to, from + MAX_KEY + 1));
  }

  private open(): void {
    const depth = this.commas.length + 1;
    if (depth > this.shape.maxDepth) throw new JsonShapeError({ kind: 'too-deep', depth });
    if (depth === 2) this.topKey = this.key;
    this.commas.push(0);
    this.limits.push(depth === 2 ? this.shape.maxTopEntries : this.shape.maxInnerEntries);
  }

  private comma(): void {
    const last = this.commas.length - 1;
    if (last < 0) return;
    const commas = (this.commas[last] ?? 0) + 1;
    this.commas[last] = commas;
    const limit = this.limits[last] ?? 0;
    if (commas + 1 > limit) {
      const top = last === 1;
      const key = top && this.topKey && this.topKey.length <= MAX_KEY ? this.topKey : undefined;
      throw new JsonShapeError({ kind: 'too-many', key, limit, top });
    }
  }
}
