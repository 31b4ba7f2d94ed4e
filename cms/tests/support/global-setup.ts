import { mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { TestProject } from 'vitest/node'
import { createTestDatabase, readToken, runCmsScript, startCms } from '../../../testing/cms-server'

/** Synthetic posts in the test database: more than the API's page-size ceiling (100), to prove the cap. */
export const SYNTHETIC_POSTS = 110

declare module 'vitest' {
  export interface ProvidedContext {
    cmsUrl: string
    apiToken: string
    databaseKind: 'sqlite' | 'postgres'
    databaseEnv: Record<string, string>
  }
}

/**
 * Once per test run: a fresh database (SQLite, or PostgreSQL when DATABASE_URL is set) filled with the demo
 * content, the test fixtures and synthetic posts; a read-only API token; the built CMS started on it.
 */
export default async function setup(project: TestProject) {
  const database = await createTestDatabase()
  const tokenFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'pressroom-token-')), 'token')
  const started = Date.now()
  const prepared = await runCmsScript(
    'tests/support/prepare-database.mjs',
    ['--demo', '--import', 'tests/fixtures/content', '--synthetic', String(SYNTHETIC_POSTS), '--token-file', tokenFile],
    database.env,
  )
  if (prepared.code !== 0) throw new Error(`Preparing the ${database.kind} test database failed:\n${prepared.output}`)
  const cms = await startCms(database.env)
  console.log(`[cms tests] ${database.kind}: database prepared and CMS started at ${cms.url} in ${((Date.now() - started) / 1000).toFixed(1)} s`)

  project.provide('cmsUrl', cms.url)
  project.provide('apiToken', readToken(tokenFile))
  project.provide('databaseKind', database.kind)
  project.provide('databaseEnv', database.env)

  return async () => {
    await cms.stop()
    await database.drop()
  }
}
