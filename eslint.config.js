import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'tests/fixtures/sites/**', 'bench/tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
    },
  },
  {
    // Content scripts stay tiny (≤ 20 KB gzipped): no React, no zod, no model layer on the page's hot path.
    files: ['entrypoints/*.content/**', 'lib/content/**', 'lib/sites/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['zod', 'zod/*', '**/model/*'], message: 'Content scripts carry no zod (ARCHITECTURE.md §4).' },
            { group: ['react', 'react-dom', 'react-dom/*'], message: 'Content scripts carry no React (ARCHITECTURE.md §4).' },
          ],
        },
      ],
    },
  },
);
