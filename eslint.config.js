// One lint setup for the monorepo. Team rules are encoded here rather than in reviews.
import js from '@eslint/js'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', '**/dist/**', '**/.output/**', '**/.nuxt/**', '**/.tmp/**', '**/.cache/**', '**/.strapi/**', '.tools/**', 'cms/types/**', 'cms/public/**', 'packages/sdk/src/generated/**', '**/*.d.ts', 'bench/results/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'separate-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-empty': ['error', { allowEmptyCatch: true }],
      'eqeqeq': ['error', 'smart'],
      'prefer-const': 'error',
    },
  },
  {
    // Shared packages are pure: no Node or browser globals (they run in the CMS, the site and third parties' code).
    files: ['packages/*/src/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-globals': ['error', 'process', 'Buffer', 'window', 'document', 'localStorage', '__dirname', 'require'],
      'no-console': 'error',
    },
  },
  {
    // Tests read arbitrary JSON responses; typing every one would add noise, not safety.
    files: ['**/*.spec.ts', 'cms/tests/**/*.ts', 'testing/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // The CMS logs through strapi.log, never console.
    files: ['cms/src/**/*.ts', 'cms/config/**/*.ts'],
    rules: { 'no-console': 'error' },
  },
)
