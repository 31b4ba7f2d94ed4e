import { mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { TestProject } from 'vitest/node'
import { createTestDatabase, readToken, runCmsScript } from '../../../testing/cms-server'
import { startStack } from '../../../testing/stack'

declare module 'vitest' {
  export interface ProvidedContext {
    siteUrl: string
    e2eCmsUrl: string
    e2eToken: string
    e2eDatabaseEnv: Record<string, string>
    webhookUrl: string
  }
}

/** The whole stack once per run: a fresh database with the demo blog and fixtures, the built CMS and site, wired. */
export default async function setup(project: TestProject) {
  const database = await createTestDatabase()
  const tokenFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'pressroom-e2e-')), 'token')
  const prepared = await runCmsScript('tests/support/prepare-database.mjs', ['--demo', '--import', 'tests/fixtures/content', '--token-file', tokenFile], database.env)
  if (prepared.code !== 0) throw new Error(`Preparing the e2e database failed:\n${prepared.output}`)
  const stack = await startStack(database.env)
  project.provide('siteUrl', stack.web.url)
  project.provide('e2eCmsUrl', stack.cms.url)
  project.provide('e2eToken', readToken(tokenFile))
  project.provide('e2eDatabaseEnv', stack.cmsEnv)
  project.provide('webhookUrl', stack.cmsEnv.SITE_WEBHOOK_URL!)

  return async () => {
    await stack.stop()
    await database.drop()
  }
}
