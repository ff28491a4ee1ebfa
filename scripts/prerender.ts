/**
 * After `vite build`: puts the first screen of a first visit into dist/index.html, so that the
 * browser paints the form before any script has run (first contentful and largest paint at the
 * speed of HTML and CSS). On a first visit React hydrates it (src/main.tsx): the same nodes become
 * the live page, nothing is drawn twice. Until then #root is inert (nothing in it takes focus or
 * input that React would not know of) and hidden from assistive technology, which would otherwise
 * read controls that cannot be used yet. A returning visitor's own settings differ: public/boot.js
 * hides the screen from them, and React renders their page afresh.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createServer } from 'vite';

const ROOT = '<div id="root"></div>';

/** A localStorage of its own for the render: a first visit has none. */
class MemoryStorage implements Storage {
  private items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
}

const isRender = (value: unknown): value is () => unknown => typeof value === 'function';

/** Fills `dist`/index.html with the prerendered first screen. */
export async function prerenderInto(dist = 'dist'): Promise<void> {
  Object.assign(globalThis, { localStorage: new MemoryStorage() });
  const vite = await createServer({
    logLevel: 'error',
    server: { middlewareMode: true, hmr: false },
    appType: 'custom',
  });
  try {
    const entry = await vite.ssrLoadModule('/src/prerender.tsx');
    const render: unknown = entry.prerenderFirstVisit;
    if (!isRender(render)) throw new Error('src/prerender.tsx has no prerenderFirstVisit.');
    const html: unknown = render();
    if (typeof html !== 'string') throw new Error('prerenderFirstVisit gave no HTML.');
    const file = join(dist, 'index.html');
    const page = readFileSync(file, 'utf8');
    if (!page.includes(ROOT)) throw new Error(`${file} has no empty ${ROOT} to fill.`);
    writeFileSync(
      file,
      page.replace(ROOT, `<div id="root" data-prerendered inert aria-hidden="true">${html}</div>`),
    );
    console.log(
      `prerendered the first screen into ${file} (${(html.length / 1024).toFixed(0)} KB)`,
    );
  } finally {
    await vite.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await prerenderInto(process.argv[2]);
