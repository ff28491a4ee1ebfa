import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/*
 * import-x/no-cycle skips `import type` by design and has no option to follow it. A type-only
 * cycle still ties two modules together (and says one of them holds a fact it does not own), so
 * this rule follows every import between our own files: value, type, re-export and dynamic.
 */

const EXTENSIONS = ['', '.ts', '.tsx', '.js', '/index.ts', '/index.tsx'];

/** file -> { mtimeMs, imports }: parsed once per change, shared by every file one run lints. */
const graph = new Map();

function isFile(candidate) {
  try {
    return statSync(candidate).isFile();
  } catch {
    return undefined;
  }
}

/** Only relative specifiers can lead back into the project; packages never import us. */
function resolveLocal(fromFile, specifier) {
  if (!specifier.startsWith('.')) return undefined;
  const base = path.resolve(path.dirname(fromFile), specifier);
  return EXTENSIONS.map((extension) => base + extension).find(isFile);
}

function importsOf(file) {
  const { mtimeMs } = statSync(file);
  const cached = graph.get(file);
  if (cached?.mtimeMs === mtimeMs) return cached.imports;
  const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  const imports = [
    ...new Set(importedFiles.map(({ fileName }) => resolveLocal(file, fileName)).filter(Boolean)),
  ];
  graph.set(file, { mtimeMs, imports });
  return imports;
}

/** The shortest chain of imports from `start` back to `target`, or undefined if there is none. */
function pathBack(start, target) {
  const cameFrom = new Map([[start, undefined]]);
  const queue = [start];
  while (queue.length > 0) {
    const file = queue.shift();
    for (const next of importsOf(file)) {
      if (next === target) {
        const chain = [];
        for (let step = file; step !== undefined; step = cameFrom.get(step)) chain.unshift(step);
        return chain;
      }
      if (!cameFrom.has(next)) {
        cameFrom.set(next, file);
        queue.push(next);
      }
    }
  }
  return undefined;
}

export default {
  meta: {
    type: 'problem',
    docs: { description: 'Forbid import cycles, type-only imports included.' },
    schema: [],
    messages: { cycle: 'Dependency cycle, type imports included: {{chain}}' },
  },
  create(context) {
    const filename = context.physicalFilename;
    const root = context.cwd;
    const check = (node, source) => {
      if (source?.type !== 'Literal' || typeof source.value !== 'string') return;
      const imported = resolveLocal(filename, source.value);
      if (!imported || imported === filename) return;
      const chain = pathBack(imported, filename);
      if (!chain) return;
      const shown = [filename, ...chain, filename].map((file) => path.relative(root, file));
      context.report({ node, messageId: 'cycle', data: { chain: shown.join(' -> ') } });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source),
      TSImportType: (node) => check(node, node.argument?.literal ?? node.argument),
    };
  },
};
