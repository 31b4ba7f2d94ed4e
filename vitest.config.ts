import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

const source = (name: string) => fileURLToPath(new URL(`./packages/${name}/src/index.ts`, import.meta.url))

/**
 * Two kinds of tests:
 * - unit: pure functions next to the code (packages, cms helpers); fast, no services.
 * - cms: the real CMS over HTTP, started once by cms/tests/support/global-setup.ts on a fresh database
 *   (SQLite, or PostgreSQL when DATABASE_URL is set). Files run one after another: they share that CMS.
 */
export default defineConfig({
  // Tests run against the packages' source, so they never see a stale build.
  resolve: {
    alias: {
      '@pressroom/types': source('types'),
      '@pressroom/richtext': source('richtext'),
      '@pressroom/sdk': source('sdk'),
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['packages/*/src/**/*.spec.ts', 'cms/src/**/*.spec.ts', 'scripts/**/*.spec.ts'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'cms',
          include: ['cms/tests/**/*.spec.ts'],
          environment: 'node',
          globalSetup: ['cms/tests/support/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
})
