import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { RunningCms } from '../../../testing/cms-server'
import { startCms } from '../../../testing/cms-server'
import { requestInFlight } from '../../../testing/request-in-flight'
import type { TcpCable } from '../../../testing/tcp-cable'
import { tcpCable } from '../../../testing/tcp-cable'

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms))
const readiness = async (url: string) => {
  const response = await fetch(`${url}/_ready`)
  return { status: response.status, body: await response.json() as Record<string, unknown> }
}
async function eventually(what: string, check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`)
    await sleep(200)
  }
}

// What a load balancer asks before sending this instance traffic.
describe('readiness', () => {
  it('/_ready answers 200 with the database (and Redis, when configured) up, uncached and without a token', async () => {
    const response = await fetch(`${inject('cmsUrl')}/_ready`)
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe('no-store')
    expect(await response.json()).toEqual({ ready: true, database: 'up', redis: process.env.REDIS_URL ? 'up' : 'not configured' })
  })

  it('/_health stays the liveness check', async () => {
    expect((await fetch(`${inject('cmsUrl')}/_health`)).status).toBe(204)
  })
})

// A CMS whose PostgreSQL and Redis connections run through cables the test can pull (SQLite is a local file).
if (inject('databaseKind') === 'postgres') {
  describe('readiness while the database or Redis is away', () => {
    let cms: RunningCms
    const cables: { database?: TcpCable, redis?: TcpCable } = {}

    beforeAll(async () => {
      const env = { ...inject('databaseEnv') }
      const database = new URL(env.DATABASE_URL!)
      cables.database = await tcpCable(Number(database.port || 5432), database.hostname)
      database.host = `127.0.0.1:${cables.database.port}`
      env.DATABASE_URL = database.toString()
      if (process.env.REDIS_URL) {
        const redis = new URL(process.env.REDIS_URL)
        cables.redis = await tcpCable(Number(redis.port || 6379), redis.hostname)
        redis.host = `127.0.0.1:${cables.redis.port}`
        env.REDIS_URL = redis.toString()
      }
      cms = await startCms(env)
    })
    afterAll(async () => {
      await cms?.stop()
      await cables.database?.close()
      await cables.redis?.close()
    })

    it('answers 503 naming the database while it is unreachable, and 200 again once it is back', async () => {
      expect((await readiness(cms.url)).status).toBe(200)
      await cables.database!.unplug()
      const down = await readiness(cms.url)
      expect(down).toMatchObject({ status: 503, body: { ready: false, database: 'down' } })
      // Still alive: an orchestrator must not restart it for a database outage.
      expect((await fetch(`${cms.url}/_health`)).status).toBe(204)
      await cables.database!.plug()
      await eventually('readiness with the database back', async () => (await readiness(cms.url)).status === 200)
    })

    if (process.env.REDIS_URL) it('answers 503 naming Redis while it is unreachable, and 200 again once it is back', async () => {
      await cables.redis!.unplug()
      await eventually('readiness to see Redis gone', async () => (await readiness(cms.url)).status === 503)
      expect((await readiness(cms.url)).body).toMatchObject({ ready: false, database: 'up', redis: 'down' })
      await cables.redis!.plug()
      await eventually('readiness with Redis back', async () => (await readiness(cms.url)).status === 200)
    })
  })
}

describe('stopping the CMS (SIGTERM)', () => {
  it('finishes the requests in flight, refuses new connections, and exits 0', async () => {
    const cms = await startCms(inject('databaseEnv'))
    const query = JSON.stringify({ query: '{ posts(pagination: { pageSize: 1 }) { title } }' })
    const inFlight = await requestInFlight(`${cms.url}/graphql`, query)
    const exited = new Promise<number | null>(resolve => cms.process.once('exit', code => resolve(code)))
    cms.process.kill('SIGTERM')
    await sleep(300)

    await expect(fetch(`${cms.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: query })).rejects.toThrow()
    const answer = await inFlight.finish()
    expect(answer.status).toBe(200)
    expect(JSON.parse(answer.body).data.posts).toHaveLength(1)
    expect(await exited).toBe(0)
    expect(cms.log()).toContain('[shutdown] SIGTERM: no new connections')
  })

  it('keeps serving, and stops on SIGTERM, after whoever read its log has gone away', async () => {
    const cms = await startCms(inject('databaseEnv'))
    cms.process.stdout!.destroy()
    cms.process.stderr!.destroy()
    const query = JSON.stringify({ query: '{ posts(pagination: { pageSize: 1 }) { title } }' })
    for (let i = 0; i < 5; i += 1) expect((await fetch(`${cms.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: query })).status).toBe(200)
    expect((await fetch(`${cms.url}/_ready`)).status).toBe(200)
    const exited = new Promise<number | null>(resolve => cms.process.once('exit', code => resolve(code)))
    cms.process.kill('SIGTERM')
    expect(await exited).toBe(0)
  })
})
