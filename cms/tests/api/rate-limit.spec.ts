import { createClient, RateLimitedError } from '@pressroom/sdk'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { RunningCms } from '../../../testing/cms-server'
import { startCms } from '../../../testing/cms-server'

// A CMS of its own on the shared database, with small limits and a short window so the test can watch it recover.
const SITE_KEY = 'rate-limit-test-site-key'
let cms: RunningCms

beforeAll(async () => {
  cms = await startCms({ ...inject('databaseEnv'), RATE_LIMIT_PER_MINUTE: '5', RATE_LIMIT_TOKEN_PER_MINUTE: '12', RATE_LIMIT_WINDOW_SECONDS: '3', SITE_WEBHOOK_SECRET: SITE_KEY })
})
afterAll(async () => {
  await cms?.stop()
})

const ask = (headers: Record<string, string> = {}) => fetch(`${cms.url}/graphql`, {
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify({ query: '{ categories { slug } }' }),
})

async function statuses(count: number, headers: Record<string, string> = {}) {
  const answers = []
  for (let i = 0; i < count; i += 1) answers.push(await ask(headers))
  return answers
}

describe('the /graphql rate limit', () => {
  it('answers anonymous clients over the limit with 429, Retry-After and a clear message — then recovers', async () => {
    const answers = await statuses(7)
    expect(answers.map(answer => answer.status)).toEqual([200, 200, 200, 200, 200, 429, 429])
    const refused = answers[5]!
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
    const body = await refused.json() as { errors: Array<{ message: string, extensions: { code: string } }> }
    expect(body.errors[0]!.extensions.code).toBe('RATE_LIMITED')
    expect(body.errors[0]!.message).toMatch(/at most 5 per 3 seconds for anonymous clients/)
    await expect(createClient({ url: `${cms.url}/graphql` }).listCategories()).rejects.toThrow(RateLimitedError)

    await new Promise(resolve => setTimeout(resolve, Number(refused.headers.get('retry-after')) * 1000 + 200))
    expect((await ask()).status).toBe(200)
  })

  it('gives holders of a valid token a higher limit, and an invented token none', async () => {
    await new Promise(resolve => setTimeout(resolve, 3_200)) // a fresh window
    const withToken = await statuses(12, { authorization: `Bearer ${inject('apiToken')}` })
    expect(withToken.every(answer => answer.status === 200)).toBe(true)
    expect((await ask({ authorization: `Bearer ${inject('apiToken')}` })).status).toBe(429)
    const invented = await statuses(6, { authorization: 'Bearer not-a-real-token' })
    expect(invented.map(answer => answer.status)).toContain(429)
  })

  it('does not let a client pick a fresh budget by sending X-Forwarded-For (this CMS trusts no proxy)', async () => {
    await new Promise(resolve => setTimeout(resolve, 3_200)) // a fresh window
    const answers = []
    for (let i = 0; i < 7; i += 1) answers.push((await ask({ 'x-forwarded-for': `198.51.100.${i + 1}` })).status)
    expect(answers).toEqual([200, 200, 200, 200, 200, 429, 429])
  })

  it('lets the site\'s own server-to-server requests through', async () => {
    const site = await statuses(20, { 'x-pressroom-site-key': SITE_KEY })
    expect(site.every(answer => answer.status === 200)).toBe(true)
    const wrongKey = await statuses(8, { 'x-pressroom-site-key': 'guessed' })
    expect(wrongKey.map(answer => answer.status)).toContain(429)
  })
})

// Several CMS instances behind one proxy share one budget per client (the counts live in Redis).
if (inject('databaseKind') === 'postgres' && process.env.REDIS_URL) {
  describe('the /graphql rate limit across two CMS instances', () => {
    const instances: RunningCms[] = []

    beforeAll(async () => {
      // Both trust this machine as their proxy, so the client is the address the "proxy" forwards.
      const env = { ...inject('databaseEnv'), RATE_LIMIT_PER_MINUTE: '60', RATE_LIMIT_WINDOW_SECONDS: '60', CMS_TRUSTED_PROXIES: '127.0.0.1,::1' }
      instances.push(...await Promise.all([startCms(env), startCms(env)]))
    })
    afterAll(async () => {
      await Promise.all(instances.map(instance => instance.stop()))
    })

    it('refuses the 61st request of a minute however the requests were spread, and counts each client apart', async () => {
      // A client address of this run's own, so counts left in Redis by an earlier run cannot meet it.
      const randomAddress = () => `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${1 + Math.floor(Math.random() * 250)}`
      const client = randomAddress()
      const asClient = (instance: RunningCms, forwardedFor: string) => fetch(`${instance.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
        body: JSON.stringify({ query: '{ categories { slug } }' }),
      })
      const statuses: number[] = []
      for (let i = 0; i < 61; i += 1) statuses.push((await asClient(instances[i % 2]!, client)).status)
      expect(statuses.slice(0, 60).every(status => status === 200)).toBe(true)
      expect(statuses[60]).toBe(429)
      // Refused on the other instance too, and another client still has its own budget.
      expect((await asClient(instances[0]!, client)).status).toBe(429)
      // What the client itself put first in the header is not believed: the proxy's hop is.
      expect((await asClient(instances[1]!, `${randomAddress()}, ${client}`)).status).toBe(429)
      expect((await asClient(instances[1]!, randomAddress())).status).toBe(200)
    })
  })
}
