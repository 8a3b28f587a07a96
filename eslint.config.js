import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const nodeBuiltins = [
  'node:*',
  'fs',
  'path',
  'os',
  'child_process',
  'crypto',
  'http',
  'https',
  'net',
  'url',
  'util',
  'stream',
  'worker_threads',
  'zlib',
];

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', '.electron-native/**', 'coverage/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-syntax': [
        'error',
        { selector: 'TSAsExpression > TSAnyKeyword', message: 'No `as any`; use a type guard or `satisfies`.' },
      ],
    },
  },
  {
    // The layer rule: shared is pure TypeScript, usable by main, renderer and CLI alike.
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: nodeBuiltins, message: 'src/shared must not use Node APIs.' },
            {
              group: ['electron', 'better-sqlite3', 'react', 'react-dom', 'zustand', 'chart.js'],
              message: 'src/shared is pure: no host or UI libraries.',
            },
            { group: ['**/main/**', '**/renderer/**'], message: 'src/shared must not depend on main or renderer.' },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'process',
        'Buffer',
        'require',
        'navigator',
        'localStorage',
      ],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [...nodeBuiltins, 'electron', 'better-sqlite3'],
              message: 'The renderer runs in a browser: talk to the API client.',
            },
            { group: ['**/main/**'], message: 'The renderer must not import main-process code.' },
          ],
        },
      ],
    },
  },
  {
    // Renderer tests exercise renderer code in Node: they may import it, never main-process code.
    files: ['tests/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/main/**'], message: 'Renderer tests must not import main-process code.' }] },
      ],
    },
  },
  {
    // electron-builder loads its hooks with require(): plain CommonJS.
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['src/main/**/*.ts', 'tests/**/*.ts', '*.config.ts', 'src/main/**/*.mjs', 'eslint.config.js'],
    ignores: ['tests/renderer/**'],
    languageOptions: { globals: globals.node },
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/renderer/**'], message: 'main must not import renderer code.' }] },
      ],
    },
  },
);
