import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

const source = (name: string) => fileURLToPath(new URL(`./packages/${name}/src/index.ts`, import.meta.url))

/**
 * Four kinds of tests:
 * - unit: pure functions next to the code (packages, cms helpers); fast, no services.
 * - cms: the real CMS over HTTP, started once by cms/tests/support/global-setup.ts on a fresh database
 *   (SQLite, or PostgreSQL when DATABASE_URL is set). Files run one after another: they share that CMS.
 * - web: Vue components in a Nuxt environment (web/vitest.config.ts).
 * - e2e: the built site and CMS in real headless Chromium (web/test/e2e).
 * - topology: two CMS and two site instances behind the proxy (nginx) on PostgreSQL and Redis (tests/topology).
 */
export default defineConfig({
  // Tests run against the packages' source, so they never see a stale build.
  resolve: {
    alias: {
      // Before '@pressroom/richtext', which would otherwise claim this subpath.
      '@pressroom/richtext/format-date': fileURLToPath(new URL('./packages/richtext/src/format-date.ts', import.meta.url)),
      '@pressroom/types': source('types'),
      '@pressroom/richtext': source('richtext'),
      '@pressroom/sdk': source('sdk'),
      '@pressroom/feeds': source('feeds'),
    },
  },
  test: {
    projects: [
      // Vue component tests in a Nuxt environment (web/vitest.config.ts).
      'web/vitest.config.ts',
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['packages/*/src/**/*.spec.ts', 'cms/src/**/*.spec.ts', 'scripts/**/*.spec.ts', 'web/server/**/*.spec.ts'],
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
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['web/test/e2e/**/*.spec.ts'],
          environment: 'node',
          globalSetup: ['web/test/e2e/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'topology',
          include: ['tests/topology/**/*.spec.ts'],
          environment: 'node',
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 240_000,
        },
      },
    ],
  },
})
