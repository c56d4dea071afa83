import js from '@eslint/js';
import i18next from 'eslint-plugin-i18next';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [
  'node:*',
  'fs',
  'path',
  'os',
  'child_process',
  'http',
  'https',
  'net',
  'crypto',
];
const rawIpc = {
  name: 'electron',
  importNames: ['ipcMain', 'ipcRenderer'],
  message: 'Only main/electron/ipcRegistration.ts and main/electron/preload.ts may touch raw IPC.',
};

/** Layering by where code runs (as in VS Code's common/browser/node split), enforced here. */
const boundary = (files, patterns, paths = []) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns, paths }] },
});

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      'dist',
      'release',
      'test-results',
      '.venv',
      'coverage',
      'lambda/dist',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  boundary(
    ['shared/**/*.ts'],
    [
      { group: ['**/main/**', '**/renderer/**'], message: 'shared/ must not depend on a process.' },
      {
        group: [...nodeBuiltins, 'electron', 'react', 'react-dom'],
        message: 'shared/ runs everywhere: no Node, DOM or Electron.',
      },
    ],
  ),
  boundary(
    ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    [
      {
        group: ['**/main/**'],
        message: 'The renderer reaches main only through the IPC contract.',
      },
      {
        group: [...nodeBuiltins, 'electron'],
        message: 'The renderer has no Node and no Electron.',
      },
    ],
  ),
  boundary(
    ['main/**/*.ts'],
    [{ group: ['**/renderer/**'], message: 'main must not import renderer code.' }],
    [rawIpc],
  ),
  {
    files: ['main/electron/ipcRegistration.ts', 'main/electron/preload.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ group: ['**/renderer/**'], message: 'main must not import renderer code.' }],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks, i18next },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'i18next/no-literal-string': ['error', { mode: 'jsx-text-only' }],
    },
  },
  {
    files: ['renderer/vite.config.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
