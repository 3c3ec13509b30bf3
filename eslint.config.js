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

export default tseslint.config(
  { ignores: ['node_modules', '.output', '.wxt', 'dist', 'coverage'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: "AssignmentExpression[left.property.name='innerHTML']", message: 'Never set innerHTML.' },
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Never set innerHTML.' },
      ],
    },
  },
  {
    // The pure core: no browser globals, no WXT, no Dexie. DOM readers take `document` as a parameter.
    files: ['utils/**/*.ts'],
    ignores: ['utils/**/*.test.ts'],
    rules: {
      'no-restricted-globals': ['error', ...browserBound],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            'wxt',
            'wxt/*',
            '#imports',
            'dexie',
            'preact',
            'preact/*',
            '@/storage/*',
            '@/platform/*',
          ],
        },
      ],
    },
  },
  {
    // UI components receive data and callbacks: no browser APIs, no database.
    files: ['components/**/*.tsx', 'components/**/*.ts'],
    ignores: ['components/**/*.test.tsx'],
    rules: {
      'no-restricted-globals': ['error', 'chrome', 'browser', 'indexedDB'],
      'no-restricted-imports': [
        'error',
        { patterns: ['wxt', 'wxt/*', '#imports', 'dexie', '@/storage/*', '@/platform/*'] },
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
