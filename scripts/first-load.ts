import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface FirstLoad {
  /** Files loaded before the first paint, with their gzip size in bytes. */
  scripts: { file: string; gzip: number }[];
  styles: { file: string; gzip: number }[];
  scriptBytes: number;
  styleBytes: number;
}

const gzipSize = (path: string) => gzipSync(readFileSync(path), { level: 9 }).length;

/** The static imports of a built chunk (`import … from "./x.js"`, `import "./x.js"`), not `import()`. */
function staticImports(code: string): string[] {
  const found = new Set<string>();
  const pattern = /(?:^|[;}\s])import\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+\.js)["']/g;
  for (const match of code.matchAll(pattern)) if (match[1]) found.add(match[1]);
  const exports = /(?:^|[;}\s])export\s*[\w$*{}\s,]*?\s*from\s*["']([^"']+\.js)["']/g;
  for (const match of code.matchAll(exports)) if (match[1]) found.add(match[1]);
  return [...found];
}

/**
 * What the built page loads before it can paint: the entry module, every modulepreload link and,
 * transitively, their static imports; and its stylesheets. Lazy chunks (`import()`) are left out.
 */
export function firstLoad(dist: string): FirstLoad {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const attr = (tag: string, name: string) => new RegExp(`${name}="([^"]+)"`).exec(tag)?.[1];
  const tags = html.match(/<(script|link)\b[^>]*>/g) ?? [];
  const entries: string[] = [];
  const css: string[] = [];
  for (const tag of tags) {
    if (tag.startsWith('<script') && attr(tag, 'type') === 'module') {
      const src = attr(tag, 'src');
      if (src) entries.push(src);
    } else if (tag.startsWith('<link')) {
      const rel = attr(tag, 'rel');
      const href = attr(tag, 'href');
      if (href && rel === 'modulepreload') entries.push(href);
      if (href && rel === 'stylesheet') css.push(href);
    }
  }
  const seen = new Set<string>();
  const queue = entries.map((src) => src.replace(/^\//, ''));
  while (queue.length > 0) {
    const file = queue.shift();
    if (!file || seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(join(dist, file), 'utf8');
    const dir = file.slice(0, file.lastIndexOf('/') + 1);
    for (const spec of staticImports(code)) {
      const resolved = new URL(spec, `http://x/${dir}`).pathname.slice(1);
      queue.push(resolved);
    }
  }
  const scripts = [...seen].map((file) => ({ file, gzip: gzipSize(join(dist, file)) }));
  const styles = css
    .map((href) => href.replace(/^\//, ''))
    .map((file) => ({ file, gzip: gzipSize(join(dist, file)) }));
  return {
    scripts,
    styles,
    scriptBytes: scripts.reduce((sum, { gzip }) => sum + gzip, 0),
    styleBytes: styles.reduce((sum, { gzip }) => sum + gzip, 0),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(firstLoad(process.argv[2] ?? 'dist'), null, 2));
}
