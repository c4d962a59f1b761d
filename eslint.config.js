// Type-aware lint for the service, the local tenant, scripts and the add-in (one config, two tsconfigs).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['node_modules/', '.local/', 'addin/dist/', 'dist/', 'appPackage/', 'test-results/', 'playwright-report/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: {
          allowDefaultProject: ['eslint.config.js'],
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/no-unnecessary-condition': ['error', { allowConstantLoopConditions: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      // An async function may implement an interface that returns a promise without awaiting anything itself.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    // Tests read JSON answers as they come; their assertions are the type check.
    files: ['**/*.test.ts', '**/*.test.tsx', 'server/test/**', 'e2e/**', 'devtenant/src/test/**'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
      // afterAll guards (stack?.close()) protect against a setup that failed half-way.
      '@typescript-eslint/no-unnecessary-condition': 'off',
    },
  },
  {
    // The local tenant reads request bodies as loosely as Graph does (String() of whatever arrived).
    files: ['devtenant/src/**'],
    rules: { '@typescript-eslint/no-base-to-string': 'off' },
  },
  {
    // Office.js's types promise objects that are absent outside Outlook (a browser tab, Teams); the host adapters
    // check for them anyway.
    files: ['addin/src/host/**'],
    rules: { '@typescript-eslint/no-unnecessary-condition': 'off' },
  },
  { files: ['eslint.config.js'], ...tseslint.configs.disableTypeChecked },
);
