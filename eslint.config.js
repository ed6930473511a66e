import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { configs as litConfigs } from 'eslint-plugin-lit';
import { configs as wcConfigs } from 'eslint-plugin-wc';
import globals from 'globals';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

/**
 * The server's shape, guarded: a domain folder imports plumbing and the public API (`index.ts`)
 * of other domains only; plumbing imports no domain. Elements: an element's folder imports
 * `shared/` and core, never another element's folder.
 */
const SERVER = './packages/server/src';
const SERVER_DOMAINS = ['catalog', 'queue', 'holidays', 'counter', 'seed'];
const SERVER_PLUMBING = ['http', 'auth', 'crypto', 'live', 'db', 'log.ts', 'context.ts'];
const ELEMENTS = './packages/elements/src';
const ELEMENT_FOLDERS = [
  'mpp-service-catalog',
  'mpp-queue-booking',
  'mpp-queue-ticket',
  'mpp-launcher',
  'si-badra-track',
  'si-badra-report',
  'si-badra-inbox',
];
const boundaryZones = [
  ...SERVER_DOMAINS.flatMap((d) =>
    SERVER_DOMAINS.filter((o) => o !== d).map((o) => ({
      target: `${SERVER}/${d}`,
      from: `${SERVER}/${o}`,
      except: ['./index.ts'],
      message: `A server domain imports another domain only through its index.ts (its public API).`,
    })),
  ),
  ...SERVER_PLUMBING.map((p) => ({
    target: `${SERVER}/${p}`,
    from: SERVER_DOMAINS.map((d) => `${SERVER}/${d}`),
    message: 'Plumbing (http, auth, crypto, live, db) imports no domain.',
  })),
  ...ELEMENT_FOLDERS.flatMap((e) =>
    ELEMENT_FOLDERS.filter((o) => o !== e).map((o) => ({
      target: `${ELEMENTS}/${e}`,
      from: `${ELEMENTS}/${o}`,
      // An element may compose another by its tag, registering it through that element's define.ts.
      except: ['./define.ts'],
      message: 'Pieces several elements share live in shared/, never inside another element.',
    })),
  ),
  {
    target: `${ELEMENTS}/shared`,
    from: ELEMENT_FOLDERS.map((e) => `${ELEMENTS}/${e}`),
    message: 'shared/ serves the elements; it imports none of them.',
  },
];

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/dist-size/**',
      'docs/**',
      '.data/**',
      'packages/elements/custom-elements.json',
      '**/*.tmp.ts',
      '.tmp/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['packages/elements/**/*.ts'],
    ...litConfigs['flat/recommended'],
  },
  {
    files: ['packages/elements/**/*.ts'],
    ...wcConfigs['flat/recommended'],
  },
  {
    // No import cycles in any package, and the domain boundaries above.
    files: ['packages/*/src/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: ['packages/*/tsconfig.json'], noWarnOnMultipleProjects: true })],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': ['error', { zones: boundaryZones }],
    },
  },
  {
    // chai's `expect(x).to.exist` style
    files: ['**/test/**/*.ts'],
    rules: { '@typescript-eslint/no-unused-expressions': 'off' },
  },
  {
    files: ['packages/core/src/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', 'document', 'window', 'localStorage', 'sessionStorage', 'navigator'],
    },
  },
);
