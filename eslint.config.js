// Lint rules, and the boundary between the code that runs in Node (src/node) and the code that
// runs in the audience's browser (src/client): each may import src/shared, never the other.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Packages that only work in Node, or that must never reach the audience's browser. */
const NODE_ONLY = [
  'node:*',
  ...[
    'fs',
    'fs/promises',
    'path',
    'os',
    'url',
    'module',
    'crypto',
    'child_process',
    'http',
    'net',
    'zlib',
    'util',
    'stream',
  ],
  ...[
    'vite',
    'vitest',
    'vitest/*',
    'marked',
    'katex',
    'katex/*',
    'yaml',
    'fontkit',
    'subset-font',
    'htmlparser2',
    'ws',
    'qrcode',
  ],
  ...[
    '@playwright/test',
    'playwright',
    'playwright-core',
    'pdf-lib',
    'pdfjs-dist',
    'pdfjs-dist/*',
    'node-source-han-sans-sc',
  ],
];
const restrict = (groups) => ['error', { patterns: groups.map(([group, message]) => ({ group, message })) }];

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'test-results/', 'bench/results/', 'playwright-report/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['eslint.config.js', 'bin/*.mjs'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // `import('…')` types stay allowed: an ambient `declare module` block cannot use `import type`.
      '@typescript-eslint/consistent-type-imports': ['error', { disallowTypeAnnotations: false }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['src/client/**'],
    languageOptions: { globals: globals.browser },
    rules: {
      'no-restricted-imports': restrict([
        [
          NODE_ONLY,
          'browser code (src/client) must not import Node-only or build-time packages: do that work at build time in src/node',
        ],
        [
          ['**/node/*', '**/node/**', '**/tests/**'],
          'browser code (src/client) must not import Node code: share constants and types through src/shared',
        ],
      ]),
    },
  },
  {
    files: ['src/node/**'],
    languageOptions: { globals: globals.node },
    rules: {
      'no-restricted-imports': restrict([
        [
          ['**/client/*', '**/client/**'],
          'Node code (src/node) must not import browser code: move what both need to src/shared',
        ],
      ]),
    },
  },
  {
    files: ['src/shared/**'],
    rules: {
      'no-restricted-imports': restrict([
        [
          [...NODE_ONLY, 'reveal.js', 'reveal.js/*'],
          'src/shared is plain data and types, imported by both Node and browser code',
        ],
        [
          ['**/client/*', '**/client/**', '**/node/*', '**/node/**'],
          'src/shared is the bridge: it imports neither side',
        ],
      ]),
    },
  },
  {
    files: ['tests/**', '*.config.ts', 'eslint.config.js'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      // Matchers such as expect.stringContaining() are typed `any`; Playwright fixtures that use
      // no other fixture are written `async ({}, use) =>`.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      'no-empty-pattern': 'off',
    },
  },
  {
    // The launcher of the Node commands: plain JavaScript, run before anything is compiled.
    files: ['bin/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { ...tseslint.configs.disableTypeChecked.languageOptions, globals: globals.node },
  },
  { files: ['eslint.config.js'], ...tseslint.configs.disableTypeChecked },
  prettier,
);
