import { mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { TestProject } from 'vitest/node'
import { createTestDatabase, freePort, readToken, runCmsScript, startCms } from '../../../testing/cms-server'
import { startWeb, TEST_WEBHOOK_SECRET } from '../../../testing/web-server'

declare module 'vitest' {
  export interface ProvidedContext {
    siteUrl: string
    e2eCmsUrl: string
    e2eToken: string
    e2eDatabaseEnv: Record<string, string>
    webhookUrl: string
  }
}

/** The whole stack once per run: a fresh database with the demo blog and fixtures, the built CMS, the built site. */
export default async function setup(project: TestProject) {
  const database = await createTestDatabase()
  const tokenFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'pressroom-e2e-')), 'token')
  const prepared = await runCmsScript('tests/support/prepare-database.mjs', ['--demo', '--import', 'tests/fixtures/content', '--token-file', tokenFile], database.env)
  if (prepared.code !== 0) throw new Error(`Preparing the e2e database failed:\n${prepared.output}`)
  // The site's port is chosen first, so the CMS knows where to send its "content changed" calls.
  const webPort = await freePort()
  const webhookUrl = `http://127.0.0.1:${webPort}/api/revalidate`
  const cmsEnv = { ...database.env, SITE_WEBHOOK_URL: webhookUrl, SITE_WEBHOOK_SECRET: TEST_WEBHOOK_SECRET }
  const cms = await startCms(cmsEnv)
  const web = await startWeb(cms.url, { port: webPort })
  project.provide('siteUrl', web.url)
  project.provide('e2eCmsUrl', cms.url)
  project.provide('e2eToken', readToken(tokenFile))
  project.provide('e2eDatabaseEnv', cmsEnv)
  project.provide('webhookUrl', webhookUrl)

  return async () => {
    await web.stop()
    await cms.stop()
    await database.drop()
  }
}
