// @ts-check
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Type-aware lint for every workspace. Each TypeScript file is checked with the tsconfig that owns it
// (typescript-eslint's project service); root config files that no tsconfig includes use a default project.
export default defineConfig(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'data/**',
      '.test-output/**',
      '.pg-test/**',
      'coverage/**',
      '**/*.local.ts',
      'docs/**',
      'apps/server/src/modules/org/data/**',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      parserOptions: {
        projectService: {
          allowDefaultProject: ['*.js', '*.ts', '*.mjs', 'scripts/*.mjs', 'scripts/*.js'],
          defaultProject: 'tsconfig.base.json',
        },
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.node },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // `void promise` is the deliberate way to mark fire-and-forget; everything else must be awaited.
      '@typescript-eslint/no-floating-promises': ['error', { ignoreVoid: true }],
      // JSX event handlers may be async (React ignores the returned promise; errors go to the query layer).
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true, requireDefaultForNonUnion: false },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      // Fastify plugins are `async (app) => { app.get(...) }` by convention, with nothing to await.
      '@typescript-eslint/require-await': 'off',
    },
  },
  // Tests read untyped HTTP bodies (`res.json()` is `any`); the assertions are the type check there.
  {
    files: ['**/test/**/*.ts', '**/*.test.ts', 'e2e/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  // Module seams (issue 6): a server module is reached only through its index.ts; tests may reach inside.
  {
    files: ['apps/server/src/modules/*/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: String.raw`^\.\./[^./][^/]*/(?!index\.ts$).+`,
              message: 'Import another module only through its index.ts (modules/<name>/index.ts).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['apps/server/src/**/*.ts'],
    ignores: ['apps/server/src/modules/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              // a module's <module>.messages.ts ({ vi, en }) is spread into http/messages.ts
              regex: String.raw`(^|/)modules/[^/]+/(?!index\.ts$|[a-z-]+\.messages\.ts$).+`,
              message: 'Import a module only through its index.ts (modules/<name>/index.ts).',
            },
          ],
        },
      ],
    },
  },
  // One scope rule: only the org module reads the closure table (modules/org/scope.ts turns a Scope into SQL).
  {
    files: ['apps/server/src/**/*.ts'],
    ignores: ['apps/server/src/modules/org/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'Literal[value=/org_unit_closure/], TemplateElement[value.raw=/org_unit_closure/]',
          message:
            'Only modules/org reads org_unit_closure: use unitInScope / isUnitInScope / unitsInScope from org.',
        },
      ],
    },
  },
  // Browser app: React hooks rules and DOM globals.
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  // e2e code runs partly inside the page (page.evaluate).
  {
    files: ['e2e/**/*.{ts,js,mjs}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  // Plain JavaScript (this file, scripts/): typed rules that catch real bugs stay on, but values are
  // untyped there, so the `any`-tracking rules would only flag every JSON.parse and callback.
  {
    files: ['**/*.{js,mjs,cjs}'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  // Other JavaScript files (scratch scripts in a workspace): no tsconfig covers them, lint without types.
  {
    files: ['**/*.{js,mjs,cjs}'],
    ignores: ['*.{js,mjs,cjs}', 'scripts/*.{js,mjs,cjs}'],
    ...tseslint.configs.disableTypeChecked,
  },
);
