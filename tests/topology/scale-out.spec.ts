import { request } from 'node:http'
import { mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import autocannon from 'autocannon'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AdminApi } from '../../testing/admin-api'
import { adminApi, POSTS } from '../../testing/admin-api'
import type { RunningCms, TestDatabase } from '../../testing/cms-server'
import { createTestDatabase, freePort, readToken, runCmsScript, startCms } from '../../testing/cms-server'
import type { RunningProxy } from '../../testing/proxy'
import { startProxy } from '../../testing/proxy'
import type { RunningWeb } from '../../testing/web-server'
import { startWeb, TEST_WEBHOOK_SECRET } from '../../testing/web-server'

// The production topology as plain processes: two CMS instances and two site instances on the machine's PostgreSQL
// and Redis, behind the repository's proxy config run by nginx. The proxy is the only address the test uses for
// editors, readers and API clients; it looks at the instances directly only to see what each one serves.
const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms))

let database: TestDatabase
let proxy: RunningProxy
let editor: AdminApi
let apiToken = ''
const cmsPorts: number[] = []
const webPorts: number[] = []
const cms: RunningCms[] = []
const web: RunningWeb[] = []
let cmsEnv: Record<string, string> = {}
let webEnv: Record<string, string> = {}

async function ready(url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    try {
      if ((await fetch(`${url}/_ready`)).status === 200) return
    }
    catch {}
    if (Date.now() > deadline) throw new Error(`${url}/_ready did not answer 200 within ${timeoutMs / 1000} s`)
    await sleep(200)
  }
}

const startCmsAt = (port: number) => startCms(cmsEnv, { port })
const startWebAt = (port: number) => startWeb(`http://127.0.0.1:${cmsPorts[0]}`, { port, env: webEnv })

beforeAll(async () => {
  database = await createTestDatabase()
  const tokenFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'pressroom-token-')), 'token')
  const prepared = await runCmsScript('tests/support/prepare-database.mjs', ['--demo', '--token-file', tokenFile], database.env)
  if (prepared.code !== 0) throw new Error(`Preparing the database failed:\n${prepared.output}`)
  apiToken = readToken(tokenFile)

  for (let i = 0; i < 2; i += 1) cmsPorts.push(await freePort())
  for (let i = 0; i < 2; i += 1) webPorts.push(await freePort())
  const local = (port: number) => `http://127.0.0.1:${port}`
  proxy = await startProxy({ web: webPorts.map(local), cms: cmsPorts.map(local) })
  cmsEnv = {
    ...database.env,
    REDIS_URL: process.env.REDIS_URL!,
    // The CMS tells "the site" about changes through the proxy, so whichever site instance hears it, all purge.
    SITE_WEBHOOK_URL: `${proxy.url}/api/revalidate`,
    SITE_WEBHOOK_SECRET: TEST_WEBHOOK_SECRET,
    SITE_PUBLIC_URL: proxy.url,
    CMS_TRUSTED_PROXIES: '127.0.0.1',
    RATE_LIMIT_PER_MINUTE: '60',
    RATE_LIMIT_TOKEN_PER_MINUTE: '1000000',
  }
  webEnv = { NUXT_CMS_GRAPHQL_URL: `${proxy.url}/graphql`, NUXT_REDIS_URL: process.env.REDIS_URL!, NUXT_PUBLIC_SITE_URL: proxy.url }
  cms.push(...await Promise.all(cmsPorts.map(startCmsAt)))
  web.push(...await Promise.all(webPorts.map(startWebAt)))
  await Promise.all([...cms, ...web].map(instance => ready(instance.url)))
  editor = adminApi(proxy.url)
}, 240_000)

afterAll(async () => {
  await Promise.all([...web, ...cms].map(instance => instance.stop()))
  await proxy?.stop()
  await database?.drop()
})

describe('two CMS and two site instances behind the proxy', () => {
  it('shows a post published through the proxy on both site instances within 2 s', async () => {
    // Both instances have the index cached before the publish.
    for (const instance of web) expect((await fetch(`${instance.url}/`)).status).toBe(200)
    const authors = await editor('GET', '/content-manager/collection-types/api::author.author?pageSize=1')
    const created = await editor('POST', POSTS, {
      title: 'Published once, seen everywhere',
      slug: 'published-once-seen-everywhere',
      body: [{ type: 'paragraph', children: [{ type: 'text', text: 'Every site instance shows this post.' }] }],
      author: { connect: [{ documentId: authors.body.results[0].documentId }] },
    })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    const published = await editor('POST', `${POSTS}/${created.body.data.documentId}/actions/publish`, {})
    expect(published.status).toBe(200)
    const deadline = Date.now() + 2_000

    const seenBy = new Set<number>()
    while (seenBy.size < web.length && Date.now() < deadline) {
      for (const [index, instance] of web.entries()) {
        if (!seenBy.has(index) && (await (await fetch(`${instance.url}/`)).text()).includes('Published once, seen everywhere')) seenBy.add(index)
      }
      await sleep(50)
    }
    expect([...seenBy].sort(), 'site instances showing the new post within 2 s').toEqual([0, 1])
    // The proxy balanced the CMS's "content changed" call to one instance; the other heard it through Redis.
    const purgeLogs = web.map(instance => instance.log())
    expect(purgeLogs.filter(log => log.includes('the CMS said')).length).toBeGreaterThanOrEqual(1)
    expect(purgeLogs.some(log => log.includes('announced by another instance'))).toBe(true)
  })

  it('logs one JSON line per request on the site and the CMS, under the request id the proxy gave, with no secrets', async () => {
    const secrets = ['secret-query-token-3f9a', 'secret-bearer-token-77c1', 'secret-cookie-value-9b2e']
    const response = await fetch(`${proxy.url}/search?q=trademark&token=${secrets[0]}`, {
      headers: { 'accept': 'text/html', 'authorization': `Bearer ${secrets[1]}`, 'cookie': `session=${secrets[2]}` },
    })
    expect(response.status).toBe(200)
    const requestId = response.headers.get('x-request-id')!
    expect(requestId).toMatch(/^[\w.:-]{8,128}$/)
    await sleep(200) // the site writes its lines in batches, at most 50 ms apart

    const linesWith = (logs: string[]) => logs.join('\n').split('\n').filter(line => line.includes(requestId)).map(line => JSON.parse(line) as Record<string, unknown>)
    const siteLines = linesWith(web.map(instance => instance.log()))
    expect(siteLines).toEqual([expect.objectContaining({ app: 'web', requestId, method: 'GET', path: '/search', status: 200, durationMs: expect.any(Number) })])
    // The page's CMS calls carry the visitor's request id.
    const cmsLines = linesWith(cms.map(instance => instance.log()))
    expect(cmsLines.length).toBeGreaterThanOrEqual(1)
    expect(cmsLines[0]).toMatchObject({ app: 'cms', requestId, method: 'POST', path: '/graphql', status: 200 })
    for (const log of [...web, ...cms].map(instance => instance.log())) {
      for (const secret of secrets) expect(log).not.toContain(secret)
    }
  })

  it('counts one client\'s GraphQL requests across both CMS instances: the 61st in a minute is refused', async () => {
    // A loopback address of this run's own, as the client: nginx forwards it, and the CMS believes only nginx.
    const client = `127.${1 + Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${1 + Math.floor(Math.random() * 250)}`
    const ask = () => new Promise<{ status: number, upstream: string }>((resolve, reject) => {
      const body = JSON.stringify({ query: '{ categories { slug } }' })
      const outgoing = request(`${proxy.url}/graphql`, { method: 'POST', localAddress: client, agent: false, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (response) => {
        response.resume()
        response.on('end', () => resolve({ status: response.statusCode ?? 0, upstream: String(response.headers['x-request-id']) }))
      })
      outgoing.on('error', reject)
      outgoing.end(body)
    })
    const statuses: number[] = []
    for (let i = 0; i < 61; i += 1) statuses.push((await ask()).status)
    expect(statuses.slice(0, 60).filter(status => status !== 200)).toEqual([])
    expect(statuses[60]).toBe(429)
    // Both instances took part (nginx balances round-robin). Its access log reaches the file within a second.
    await sleep(1_200)
    const upstreams = new Set([...proxy.log().matchAll(/"client":"([\d.]+)".*?"route":"cms-graphql","upstream":"([\d.:]+)"/g)].filter(match => match[1] === client).map(match => match[2]))
    expect(upstreams.size).toBe(2)
  })

  it('loses no request while each instance is restarted in turn under load (50 connections)', async () => {
    const post = '/posts/design-patents-protecting-how-your-product-looks'
    const graphql = `/graphql?query=${encodeURIComponent('{ posts(pagination: { pageSize: 5 }) { title slug } }')}`
    let finish: (result: autocannon.Result) => void = () => {}
    const finished = new Promise<autocannon.Result>((resolve) => { finish = resolve })
    const load = autocannon({
      url: proxy.url,
      connections: 50,
      duration: 600,
      requests: [
        { method: 'GET', path: '/' },
        { method: 'GET', path: post },
        { method: 'GET', path: graphql, headers: { 'authorization': `Bearer ${apiToken}`, 'apollo-require-preflight': 'true' } },
      ],
    }, (_error, result) => finish(result))
    await sleep(3_000)
    const exitCodes: Array<number | null> = []
    const restart = async <T extends RunningCms | RunningWeb>(instances: T[], index: number, start: (port: number) => Promise<T>, port: number) => {
      const stopping = instances[index]!
      await stopping.stop()
      exitCodes.push(stopping.process.exitCode)
      instances[index] = await start(port)
      await ready(instances[index]!.url)
      await sleep(1_000)
    }
    for (const index of [0, 1]) await restart(cms, index, startCmsAt, cmsPorts[index]!)
    for (const index of [0, 1]) await restart(web, index, startWebAt, webPorts[index]!)
    await sleep(2_000)
    load.stop()
    const result = await finished

    expect(exitCodes, 'every instance exits 0 on SIGTERM').toEqual([0, 0, 0, 0])
    const failedStatuses = Object.entries(result.statusCodeStats ?? {}).filter(([status]) => Number(status) >= 400)
    await sleep(1_200) // the proxy's access log is written within a second
    const failures = proxy.log().split('\n').filter(line => /"status":(?!499)[45]\d\d/.test(line) || line.includes('[error]'))
    const kinds = new Map<string, number>()
    for (const line of failures) {
      const kind = line.includes('[error]')
        ? `nginx: ${/(no live upstreams|upstream prematurely closed[^,]*|connect\(\) failed[^,]*|recv\(\) failed[^,]*)/.exec(line)?.[1] ?? line.slice(0, 160)}`
        : line.replace(/.*"uri":"([^"]*)","status":(\d+).*"route":"([^"]*)","upstream":"([^"]*)","upstream_status":"([^"]*)".*/, '$2 on $3 $1 (upstreams $4 answered $5)')
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1)
    }
    const byKind = [...kinds].map(([kind, count]) => `${count}× ${kind}`)
    expect(failedStatuses, `responses that were not 2xx or 3xx:\n${byKind.join('\n')}`).toEqual([])
    expect({ errors: result.errors, timeouts: result.timeouts, resets: result.resets }).toEqual({ errors: 0, timeouts: 0, resets: 0 })
    expect(result.requests.total).toBeGreaterThan(1_000)
    console.log(`[topology] rolling restart of 2 CMS + 2 site instances under load: ${result.requests.total} requests, 0 lost, ${result.duration} s`)
  }, 300_000)
})
