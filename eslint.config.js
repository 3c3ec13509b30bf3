import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const browserBound = [
  'window',
  'document',
  'navigator',
  'location',
  'chrome',
  'browser',
  'indexedDB',
  'localStorage',
];

// Values a DOM provides; their types may still be named (a reader's signature takes `Document`).
const domValues = [
  'MutationObserver',
  'getComputedStyle',
  'OffscreenCanvas',
  'createImageBitmap',
  'DOMParser',
  'XMLSerializer',
  'requestAnimationFrame',
  'NodeFilter',
  'Image',
];

const noInnerHtml = [
  { selector: "AssignmentExpression[left.property.name='innerHTML']", message: 'Never set innerHTML.' },
  { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Never set innerHTML.' },
];

const frameworks = ['wxt', 'wxt/*', '#imports', 'dexie', 'preact', 'preact/*'];

const topFolders = ['utils', 'content', 'storage', 'platform', 'background', 'components', 'entrypoints'];

/** Import patterns for every other top folder (by alias or by relative path), less the ones allowed. */
function outside(folder, allowed = []) {
  const open = new Set([folder, 'utils', ...allowed]);
  return topFolders
    .filter((other) => !open.has(other))
    .flatMap((other) => [`@/${other}/*`, `../${other}/*`, `../../${other}/*`, `../../../${other}/*`]);
}

export default tseslint.config(
  { ignores: ['node_modules', '.output', '.wxt', 'dist', 'coverage'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', ...noInnerHtml],
    },
  },
  // Boundaries between the folders (STYLE.md's layout table); tests/lint/boundaries.test.ts breaks each on purpose.
  {
    // The pure core: runs in Node without a DOM. No browser globals, no DOM constructors, no WXT, no Dexie.
    files: ['utils/**/*.ts'],
    ignores: ['utils/**/*.test.ts'],
    rules: {
      'no-restricted-globals': ['error', ...browserBound, ...domValues],
      'no-restricted-imports': ['error', { patterns: [...frameworks, ...outside('utils')] }],
    },
  },
  {
    // Runs inside a web page: reads the document it is given, talks to nothing but its caller.
    files: ['content/**/*.ts'],
    ignores: ['content/**/*.test.ts'],
    rules: {
      'no-restricted-globals': ['error', 'chrome', 'browser', 'indexedDB', 'localStorage'],
      'no-restricted-imports': ['error', { patterns: [...frameworks, ...outside('content')] }],
    },
  },
  {
    // The Dexie database and its repositories: the pure core and nothing browser-bound besides Dexie.
    files: ['storage/**/*.ts'],
    ignores: ['storage/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['wxt', 'wxt/*', '#imports', 'preact', 'preact/*', ...outside('storage')] },
      ],
    },
  },
  {
    // The narrow browser adapter that several runtimes share.
    files: ['platform/**/*.ts'],
    ignores: ['platform/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['dexie', 'preact', 'preact/*', ...outside('platform', ['storage'])] },
      ],
    },
  },
  {
    // The service worker's orchestration: no UI.
    files: ['background/**/*.ts'],
    ignores: ['background/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['preact', 'preact/*', ...outside('background', ['storage', 'platform'])] },
      ],
    },
  },
  {
    // UI components receive data and callbacks: no browser APIs, no database.
    files: ['components/**/*.tsx', 'components/**/*.ts'],
    ignores: ['components/**/*.test.tsx', 'components/**/*.test.ts'],
    rules: {
      'no-restricted-globals': ['error', 'chrome', 'browser', 'indexedDB'],
      'no-restricted-imports': [
        'error',
        { patterns: ['wxt', 'wxt/*', '#imports', 'dexie', ...outside('components')] },
      ],
    },
  },
  {
    // Repositories in storage/ are the only code that touches Dexie tables (`db.evidence.get(…)` and the like).
    files: ['background/**/*.ts', 'platform/**/*.ts', 'entrypoints/**/*.ts', 'entrypoints/**/*.tsx'],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...noInnerHtml,
        {
          selector: "MemberExpression[object.type='MemberExpression'][object.object.name=/^(db|database)$/]",
          message: 'Read and write tables through a repository in storage/.',
        },
      ],
    },
  },
  {
    files: ['scripts/**/*.mjs', 'tests/**/*.ts', 'tests/**/*.mjs', '*.config.*'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        Buffer: 'readonly',
      },
    },
  },
);
