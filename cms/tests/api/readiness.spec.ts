import { describe, expect, inject, it } from 'vitest'

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
