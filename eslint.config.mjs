// Lint: typescript-eslint's recommended rules, React hooks rules for the renderer, and the
// boundaries that keep each file to the world it runs in (after Signal-Desktop):
// - src/shared is pure TypeScript: no electron, no node: modules, no DOM.
// - services, store, documents and ipc never import electron (only src/main/index.ts and the
//   Electron transport do), so every service runs and is tested in plain Node.
// - the preload imports nothing but electron (a sandboxed preload can require nothing else).
// - a capability (src/main/capabilities/<name>/) is used by others only through its index.ts, and
//   the router, the composition and the handler maps hold no SQL (eslint/recoup-rules.mjs).
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';
import recoup from './eslint/recoup-rules.mjs';

const nodeBuiltins = [
  'node:*',
  'fs',
  'path',
  'crypto',
  'os',
  'child_process',
  'http',
  'net',
  'url',
  'events',
  'stream',
  'worker_threads',
  'zlib',
  'util',
  'buffer',
];

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'coverage/**',
      'test-results/**',
      'playwright-report/**',
      'bench-data/**',
      '.tmp/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-syntax': ['error', { selector: 'TSAsExpression > TSAnyKeyword', message: 'Do not cast to any.' }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: [
      'src/main/**/*.ts',
      'src/preload/**/*.ts',
      'scripts/**/*.mjs',
      'tests/**/*.ts',
      'src/bench/**/*.ts',
      '*.config.ts',
      '*.config.mjs',
    ],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', ...nodeBuiltins, '**/main/**'],
              message: 'The renderer talks to main only through the contract.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', ...nodeBuiltins, '**/main/**', '**/renderer/**', '**/preload/**'],
              message: 'src/shared is pure: no electron, no node:, no DOM, no main or renderer code.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'navigator',
        'localStorage',
        'sessionStorage',
        'fetch',
        'process',
        'Buffer',
        'require',
        '__dirname',
      ],
    },
  },
  {
    files: ['src/main/**/*.ts'],
    ignores: ['src/main/index.ts', 'src/main/shell/electron*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', '**/renderer/**'],
              message: 'Only src/main/index.ts and the Electron transport import electron.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['*', '!electron'],
              message: 'The sandboxed preload may import electron only (types excepted).',
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/main/**/*.ts', 'src/bench/**/*.ts'],
    plugins: { recoup },
    rules: { 'recoup/capability-boundaries': 'error' },
  },
  {
    files: [
      'src/main/ipc/**/*.ts',
      'src/main/compose.ts',
      'src/main/capabilities/index.ts',
      'src/main/capabilities/*/handlers.ts',
      'src/main/capabilities/*/index.ts',
      'src/main/platform/channels.ts',
    ],
    plugins: { recoup },
    rules: { 'recoup/no-sql-in-glue': 'error' },
  },
  {
    files: ['src/main/**/*.ts'],
    ignores: ['src/main/store/migrations/**'],
    plugins: { recoup },
    rules: { 'recoup/table-owner': 'error' },
  },
  {
    // One CSV writer for every file handed out (issue 10: spreadsheet formulas neutralised).
    // The demo's generator writes an extract to import, not an export.
    files: ['src/**/*.ts'],
    ignores: ['src/main/platform/csv.ts', 'src/main/demo/**'],
    rules: {
      'no-restricted-properties': [
        'error',
        {
          object: 'Papa',
          property: 'unparse',
          message: 'Write CSV with csvText/csvBytes (src/main/platform/csv.ts): it neutralises formulas.',
        },
      ],
    },
  },
);
