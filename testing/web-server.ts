import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { freePort } from './cms-server.ts'
import type { RunningServer } from './server-process.ts'
import { startServer } from './server-process.ts'

export const WEB_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'web')

export type RunningWeb = RunningServer

/** The secret the test CMS signs its webhooks with and the test site checks them with. */
export const TEST_WEBHOOK_SECRET = 'test-webhook-secret'

/** Starts the built site (web/.output) against a CMS and waits until it answers its health check. */
export async function startWeb(cmsUrl: string, { port, env = {} }: { port?: number, env?: Record<string, string> } = {}): Promise<RunningWeb> {
  port ??= await freePort()
  const url = `http://127.0.0.1:${port}`
  return startServer({
    name: 'The site',
    script: path.join(WEB_DIR, '.output', 'server', 'index.mjs'),
    env: { HOST: '127.0.0.1', PORT: String(port), NUXT_CMS_GRAPHQL_URL: `${cmsUrl}/graphql`, NUXT_PUBLIC_SITE_URL: url, NUXT_WEBHOOK_SECRET: TEST_WEBHOOK_SECRET, ...env },
    url,
    healthUrl: `${url}/health`,
    timeoutMs: 30_000,
  })
}
