// Lint keeps the cores pure (docs/conventions.md #5): flow-dsl/ and workflows/ stay free of Node
// built-ins and side-effect libraries; web/ reaches the server only through shared schemas.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Regular expressions, not gitignore-style groups: in those a leading '#' starts a comment, so
// '#api/*' would silently match nothing.
const nodeBuiltins = '^(node:.*|fs|path|os|crypto|http|https|net|child_process|stream)(/.*)?$';
const sideEffectLibraries = '^(pg|ioredis|express|socket\\.io|@prisma/.*|#db/.*|#lib/.*|@temporalio/(client|worker))$';
const restrict = (regex, message, extra = {}) => ({ regex, message, ...extra });

export default tseslint.config(
  // api/client/openapi-types.ts is generated (npm run api:client) and too large to lint with types.
  {
    ignores: [
      'node_modules',
      'prisma/generated',
      'web/dist',
      '.data',
      '.tools',
      'coverage',
      'api/client/openapi-types.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      parserOptions: {
        projectService: {
          allowDefaultProject: [
            'eslint.config.js',
            'jest.config.js',
            'tests/support/jest-transform.cjs',
            'docs/examples/*.mjs',
            'tests/bench/*.mjs',
          ],
        },
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.node },
    },
    rules: {
      curly: ['error', 'all'],
      eqeqeq: ['error', 'smart'],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['flow-dsl/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            restrict(nodeBuiltins, 'flow-dsl is pure TypeScript shared by every layer.'),
            restrict(sideEffectLibraries, 'flow-dsl is pure TypeScript shared by every layer.'),
            // Meta's limits are pure constants, so the validator reads them from their one home.
            restrict(
              '^(#api/(?!whatsapp/limits$)|#(activities|workflows)/|@temporalio/)',
              'flow-dsl is pure TypeScript shared by every layer (only #api/whatsapp/limits may be imported).',
            ),
          ],
        },
      ],
    },
  },
  {
    files: ['workflows/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            restrict(nodeBuiltins, 'Workflow code is deterministic: side effects belong in activities.'),
            restrict(sideEffectLibraries, 'Workflow code is deterministic: side effects belong in activities.'),
            restrict('^#api/', 'Workflow code is deterministic: side effects belong in activities.'),
            restrict('^#activities/', 'Import activities as types only (proxyActivities).', { allowTypeImports: true }),
          ],
        },
      ],
      'no-restricted-globals': ['error', { name: 'setTimeout', message: 'Use sleep() from @temporalio/workflow.' }],
    },
  },
  {
    files: ['web/**/*.{ts,tsx}'],
    ignores: ['web/vite.config.ts'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            restrict(nodeBuiltins, 'web/ runs in the browser.'),
            restrict(sideEffectLibraries, 'web/ runs in the browser.'),
            restrict('^(#(activities|workflows)/|@temporalio/)', 'web/ runs in the browser.'),
            restrict(
              '^#api/(?!.*/([a-z-]*schemas|limits|permissions)$)',
              'web/ may import only api/**/*schemas.ts, api/whatsapp/limits.ts and api/auth/permissions.ts.',
            ),
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['tests/**/*.ts', 'tests/**/*.tsx'],
    languageOptions: { globals: { ...globals.jest } },
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
