import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { RunningCms } from '../../../testing/cms-server'
import { startCms } from '../../../testing/cms-server'
import type { RunningWeb } from '../../../testing/web-server'
import { startWeb } from '../../../testing/web-server'

// A CMS and site of this file's own (on the shared e2e database), so stopping the CMS disturbs no other test.
let cms: RunningCms
let web: RunningWeb

beforeAll(async () => {
  const { SITE_WEBHOOK_URL: _unused, ...env } = inject('e2eDatabaseEnv')
  cms = await startCms(env)
  web = await startWeb(cms.url)
})

afterAll(async () => {
  await web?.stop()
  await cms?.stop()
})

// As a browser asks for a page.
const asBrowser = { headers: { accept: 'text/html,application/xhtml+xml' } }

describe('with the CMS down', () => {
  it('serves cached pages, and a branded 503 with Retry-After for pages it has not cached', async () => {
    const cachedPath = '/posts/design-patents-protecting-how-your-product-looks'
    const warm = await fetch(`${web.url}${cachedPath}`, asBrowser)
    expect(warm.status).toBe(200)

    await cms.stop()

    const cached = await fetch(`${web.url}${cachedPath}`, asBrowser)
    expect(cached.status).toBe(200)
    expect(await cached.text()).toContain('Design patents: protecting how your product looks')

    const uncached = await fetch(`${web.url}/posts/dealing-with-copycats-on-online-marketplaces`, asBrowser)
    expect(uncached.status).toBe(503)
    expect(uncached.headers.get('retry-after')).toBe('30')
    const page = await uncached.text()
    expect(page).toContain('The blog is briefly unavailable')
    expect(page).not.toMatch(/at .+\.(m?js|ts):\d+|ECONNREFUSED|fetch failed/)
  })
})
