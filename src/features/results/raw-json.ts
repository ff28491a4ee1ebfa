/** Deeper than this, a value is replaced by a note: a real job body nests about 8 levels. */
export const RAW_MAX_DEPTH = 64;
/** A real page of 20 results is a few kilobytes; a megabyte of text already slows the page down. */
export const RAW_MAX_CHARACTERS = 1_000_000;

interface RawJson {
  /** Indented like `JSON.stringify(value, null, 2)`, within the limits. */
  text: string;
  /** Some values nested deeper than the depth limit were replaced by a note. */
  tooDeep: boolean;
  /** The text stopped at the character limit. */
  cut: boolean;
}

/** One open array or object: how to close it, and its next member with what goes before it. */
interface Frame {
  depth: number;
  close: string;
  next: () => [prefix: string, value: unknown] | undefined;
}

/**
 * Pretty JSON without recursion, so a hostile body nested 500,000 arrays deep (which makes
 * `JSON.stringify` throw "Maximum call stack size exceeded") prints a note instead of taking the
 * page down, and a huge one stops at the character limit instead of being built in full.
 */
export function printRawJson(
  value: unknown,
  maxDepth = RAW_MAX_DEPTH,
  maxCharacters = RAW_MAX_CHARACTERS,
): RawJson {
  if (value === undefined) return { text: '', tooDeep: false, cut: false };
  const parts: string[] = [];
  let length = 0;
  let tooDeep = false;
  const write = (text: string) => {
    parts.push(text);
    length += text.length;
  };
  const stack: Frame[] = [];

  const open = (member: unknown, depth: number) => {
    if (typeof member === 'string' && member.length > maxCharacters) {
      write(JSON.stringify(member.slice(0, maxCharacters)));
      return;
    }
    if (typeof member === 'string' || typeof member === 'number' || typeof member === 'boolean') {
      write(JSON.stringify(member));
      return;
    }
    // Parsed JSON holds nothing else; anything that is not an object prints as JSON.stringify would.
    if (member === null || typeof member !== 'object') {
      write('null');
      return;
    }
    if (depth >= maxDepth) {
      tooDeep = true;
      write(JSON.stringify(`… nested deeper than ${maxDepth} levels, not shown`));
      return;
    }
    const indent = `\n${'  '.repeat(depth + 1)}`;
    const close = `\n${'  '.repeat(depth)}`;
    let index = 0;
    if (Array.isArray(member)) {
      const items: unknown[] = member;
      if (items.length === 0) return write('[]');
      write('[');
      stack.push({
        depth,
        close: `${close}]`,
        next: () => {
          if (index >= items.length) return undefined;
          const prefix = `${index === 0 ? '' : ','}${indent}`;
          return [prefix, items[index++]];
        },
      });
      return;
    }
    const entries: [string, unknown][] = Object.entries(member);
    if (entries.length === 0) return write('{}');
    write('{');
    stack.push({
      depth,
      close: `${close}}`,
      next: () => {
        const entry = entries[index];
        if (!entry) return undefined;
        const prefix = `${index === 0 ? '' : ','}${indent}${JSON.stringify(entry[0])}: `;
        index += 1;
        return [prefix, entry[1]];
      },
    });
  };

  open(value, 0);
  while (length <= maxCharacters) {
    const frame = stack.at(-1);
    if (!frame) break;
    const member = frame.next();
    if (member) {
      write(member[0]);
      open(member[1], frame.depth + 1);
    } else {
      stack.pop();
      write(frame.close);
    }
  }
  const cut = length > maxCharacters || stack.length > 0;
  const text = parts.join('');
  return { text: cut ? `${text.slice(0, maxCharacters)}\n…` : text, tooDeep, cut };
}
