import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { afterAll, describe, expect, it } from 'vitest';
import noCycle from './no-cycle.js';

const folder = mkdtempSync(path.join(tmpdir(), 'no-cycle-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Writes the modules, then lints the first one as ESLint would; returns the messages. */
function lint(modules) {
  for (const [name, code] of Object.entries(modules)) writeFileSync(path.join(folder, name), code);
  const [first] = Object.keys(modules);
  const config = [
    {
      files: ['**/*.ts'],
      languageOptions: { parser: tseslint.parser },
      plugins: { local: { rules: { 'no-cycle': noCycle } } },
      rules: { 'local/no-cycle': 'error' },
    },
  ];
  const filename = path.join(folder, first);
  return new Linter({ cwd: folder }).verify(modules[first], config, { filename });
}

describe('local/no-cycle', () => {
  it('reports a cycle closed by a type-only import, which import-x/no-cycle skips', () => {
    const messages = lint({
      'owner.ts':
        "import type { Row } from './rows';\nexport const version = 1;\nexport type R = Row;\n",
      'rows.ts': "import { version } from './owner';\nexport type Row = typeof version;\n",
    });
    expect(messages.map((message) => message.message)).toEqual([
      'Dependency cycle, type imports included: owner.ts -> rows.ts -> owner.ts',
    ]);
  });

  it('follows re-exports and dynamic imports through a third module', () => {
    const messages = lint({
      'form.ts': "export { field } from './field';\n",
      'field.ts': "export const field = () => import('./picker');\n",
      'picker.ts': "import type { field } from './form';\nexport type F = typeof field;\n",
    });
    expect(messages).toHaveLength(1);
    expect(messages[0]?.message).toContain('form.ts -> field.ts -> picker.ts -> form.ts');
  });

  it('passes a type import that leads nowhere back', () => {
    const messages = lint({
      'panel.ts': "import type { Props } from './props';\nexport const panel = (p: Props) => p;\n",
      'props.ts': 'export interface Props { name: string }\n',
    });
    expect(messages).toEqual([]);
  });
});
