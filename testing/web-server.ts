import type { ChildProcess } from 'node:child_process'
import { spawn } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { freePort } from './cms-server'

export const WEB_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'web')

export interface RunningWeb {
  url: string
  process: ChildProcess
  log: () => string
  stop: () => Promise<void>
}

/** The secret the test CMS signs its webhooks with and the test site checks them with. */
export const TEST_WEBHOOK_SECRET = 'test-webhook-secret'

/** Starts the built site (web/.output) against a CMS and waits until it answers its health check. */
export async function startWeb(cmsUrl: string, { port, env = {} }: { port?: number, env?: Record<string, string> } = {}): Promise<RunningWeb> {
  port ??= await freePort()
  const url = `http://127.0.0.1:${port}`
  const child = spawn(process.execPath, [path.join(WEB_DIR, '.output', 'server', 'index.mjs')], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), NUXT_CMS_GRAPHQL_URL: `${cmsUrl}/graphql`, NUXT_PUBLIC_SITE_URL: url, NUXT_WEBHOOK_SECRET: TEST_WEBHOOK_SECRET, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let log = ''
  child.stdout!.on('data', (chunk) => { log += chunk })
  child.stderr!.on('data', (chunk) => { log += chunk })
  const deadline = Date.now() + 30_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The site exited during start-up (code ${child.exitCode}):\n${log}`)
    if (Date.now() > deadline) throw new Error(`The site did not answer within 30 s:\n${log}`)
    try {
      if ((await fetch(`${url}/health`)).ok) break
    }
    catch {}
    await new Promise(resolve => setTimeout(resolve, 100))
  }
  return {
    url,
    process: child,
    log: () => log,
    stop: () => new Promise((resolve) => {
      if (child.exitCode !== null) return resolve()
      child.once('exit', () => resolve())
      child.kill('SIGTERM')
    }),
  }
}
