import type { TestProject } from 'vitest/node'
import { createTestDatabase, runCmsScript, startCms } from '../../../testing/cms-server'
import { startWeb } from '../../../testing/web-server'

declare module 'vitest' {
  export interface ProvidedContext {
    siteUrl: string
    e2eCmsUrl: string
  }
}

/** The whole stack once per run: a fresh database with the demo blog and fixtures, the built CMS, the built site. */
export default async function setup(project: TestProject) {
  const database = await createTestDatabase()
  const prepared = await runCmsScript('tests/support/prepare-database.mjs', ['--demo', '--import', 'tests/fixtures/content'], database.env)
  if (prepared.code !== 0) throw new Error(`Preparing the e2e database failed:\n${prepared.output}`)
  const cms = await startCms(database.env)
  const web = await startWeb(cms.url)
  project.provide('siteUrl', web.url)
  project.provide('e2eCmsUrl', cms.url)
  return async () => {
    await web.stop()
    await cms.stop()
    await database.drop()
  }
}
