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

/**
 * main/'s folders, lowest first. A folder imports only from folders in earlier groups; folders
 * of one group never import each other. Only main/electron touches Electron. The per-folder rules
 * below are generated from this list (README, "Layout").
 */
export const MAIN_LAYERS = [
  ['base'],
  ['aws'],
  ['engine'],
  ['smooz'],
  ['guided'],
  ['report', 'checklist', 'update', 'lifecycle'],
  ['app'],
  ['ipc'],
  ['electron', 'bridge'],
];
const ELECTRON_PACKAGES = ['electron', 'electron-store', 'electron-updater'];
const notRenderer = { group: ['**/renderer/**'], message: 'main must not import renderer code.' };

/**
 * One config per main/ folder and file depth: a relative import climbs `depth` levels to reach
 * main/, so `../`×depth followed by a folder's name is that folder.
 */
function mainLayerRules() {
  const configs = [];
  MAIN_LAYERS.forEach((group, level) => {
    const above = MAIN_LAYERS.slice(level + 1).flat();
    for (const folder of group) {
      const forbidden = [...group.filter((f) => f !== folder), ...above];
      const electronPaths =
        folder === 'electron'
          ? [rawIpc]
          : ELECTRON_PACKAGES.map((name) => ({
              name,
              message: `Only main/electron imports Electron; inject what main/${folder} needs.`,
            }));
      for (let depth = 1; depth <= 4; depth += 1) {
        const layerPattern =
          forbidden.length === 0
            ? []
            : [
                {
                  regex: `^(\\.\\./){${depth}}(${forbidden.join('|')})(/|$)`,
                  message: `main/${folder} is below main/{${forbidden.join(',')}} (MAIN_LAYERS in eslint.config.js): depend downwards only.`,
                },
              ];
        configs.push({
          files: [`main/${folder}/${'*/'.repeat(depth - 1)}*.ts`],
          rules: {
            'no-restricted-imports': [
              'error',
              { patterns: [notRenderer, ...layerPattern], paths: electronPaths },
            ],
          },
        });
      }
    }
  });
  return configs;
}

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
  boundary(['main/**/*.ts'], [notRenderer], [rawIpc]),
  ...mainLayerRules(),
  {
    files: ['main/electron/ipcRegistration.ts', 'main/electron/preload.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            notRenderer,
            { regex: '^\\.\\./bridge(/|$)', message: 'main/electron and main/bridge are peers.' },
          ],
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
