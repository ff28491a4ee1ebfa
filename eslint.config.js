import js from '@eslint/js';
import pluginQuery from '@tanstack/eslint-plugin-query';
import { readdirSync } from 'node:fs';
import importX from 'eslint-plugin-import-x';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import noCycle from './eslint-rules/no-cycle.js';
import tseslint from 'typescript-eslint';

/**
 * Dependencies point one way: app -> features -> (service | components | lib), demo beside
 * service. A feature never reaches into another; service/ knows nothing of React or features.
 */
const features = readdirSync(new URL('./src/features', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const featureZones = features.map((feature) => ({
  target: `./src/features/${feature}`,
  from: './src/features',
  except: [`./${feature}`],
  message: 'Features do not import each other: compose them in src/app.',
}));
const layerZones = [
  {
    target: './src/service',
    from: ['./src/features', './src/app', './src/components', './src/demo'],
  },
  {
    target: './src/lib',
    from: ['./src/features', './src/app', './src/components', './src/service', './src/demo'],
  },
  { target: './src/components', from: ['./src/features', './src/app'] },
  { target: './src/demo', from: ['./src/features', './src/app', './src/components'] },
  { target: './src/features', from: './src/app' },
  // The command line (src/cli) composes features as src/app does: nothing of the app imports it.
  {
    target: [
      './src/app',
      './src/features',
      './src/service',
      './src/lib',
      './src/components',
      './src/demo',
    ],
    from: './src/cli',
  },
];

/**
 * The runs feature by role: engine/ (the runners: no React, nothing of the screen), store/
 * (IndexedDB: no React, no runner), file/ (the run file format: no React, no runner), ui/ (what
 * the page shows, reading them all).
 */
function runsLayers() {
  const noReact = {
    group: ['react', 'react-dom', 'react/*', 'dexie-react-hooks', '@mantine/*', 'zustand'],
    message: 'The runs engine and store have no React: ui/ reads them.',
  };
  const layer = (folder, forbidden, message) => ({
    files: [`src/features/runs/${folder}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            noReact,
            {
              group: forbidden.flatMap((other) => [`../${other}/*`, `**/runs/${other}/*`]),
              message,
            },
          ],
        },
      ],
    },
  });
  return [
    layer('engine', ['ui'], 'The runs engine knows no screen.'),
    layer(
      'store',
      ['ui', 'engine'],
      'The runs store is read by the engine and the screen, never the other way.',
    ),
    // The run file format runs in Node too (the command line writes and reads the same files).
    layer('file', ['ui', 'engine'], 'The run file format knows no runner and no screen.'),
  ];
}

export default tseslint.config(
  {
    ignores: [
      'dist',
      'node_modules',
      'public/mockServiceWorker.js',
      'test-results',
      'playwright-report',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  ...tseslint.configs.stylisticTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // Casts hide wrong shapes; network data is parsed with zod instead.
      '@typescript-eslint/consistent-type-assertions': ['error', { assertionStyle: 'never' }],
      '@typescript-eslint/no-confusing-void-expression': 'off',
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX, local: { rules: { 'no-cycle': noCycle } } },
    settings: { 'import-x/resolver': { node: { extensions: ['.ts', '.tsx', '.js'] } } },
    rules: {
      // Not import-x/no-cycle: it skips `import type`, and type-only cycles are cycles too.
      'local/no-cycle': 'error',
      'import-x/no-restricted-paths': ['error', { zones: [...featureZones, ...layerZones] }],
    },
  },
  {
    files: ['src/service/**/*.ts', 'src/lib/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'react',
                'react-dom',
                'react/*',
                '@tanstack/react-*',
                '@mantine/*',
                'zustand',
                'zustand/*',
              ],
              message: 'service/ and lib/ hold no React or UI state.',
            },
          ],
        },
      ],
    },
  },
  ...runsLayers(),
  {
    files: ['src/**/*.tsx'],
    ...jsxA11y.flatConfigs.strict,
  },
  ...pluginQuery.configs['flat/recommended'],
  {
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
);
