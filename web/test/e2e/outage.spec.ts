import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { RunningCms } from '../../../testing/cms-server'
import { startCms } from '../../../testing/cms-server'
import type { RunningWeb } from '../../../testing/web-server'
import { startWeb } from '../../../testing/web-server'
import { launchBrowser, openPage } from './browser'
import { expectSiteLayout } from './page-style'

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
    const ready = await fetch(`${web.url}/_ready`)
    expect(ready.status).toBe(200)
    expect(await ready.json()).toMatchObject({ ready: true, cms: 'up' })

    await cms.stop()

    // Still ready for a load balancer: it has pages to serve. A fresh instance with nothing cached is not.
    const stillReady = await fetch(`${web.url}/_ready`)
    expect(stillReady.status).toBe(200)
    expect(await stillReady.json()).toMatchObject({ ready: true, cms: 'down' })
    const cold = await startWeb(cms.url)
    try {
      const notReady = await fetch(`${cold.url}/_ready`)
      expect(notReady.status).toBe(503)
      expect(await notReady.json()).toMatchObject({ ready: false, cms: 'down', cachedPages: 0 })
    }
    finally {
      await cold.stop()
    }

    const cached = await fetch(`${web.url}${cachedPath}`, asBrowser)
    expect(cached.status).toBe(200)
    expect(await cached.text()).toContain('Design patents: protecting how your product looks')

    const uncached = await fetch(`${web.url}/posts/dealing-with-copycats-on-online-marketplaces`, asBrowser)
    expect(uncached.status).toBe(503)
    expect(uncached.headers.get('retry-after')).toBe('30')
    const page = await uncached.text()
    expect(page).toContain('The blog is briefly unavailable')
    expect(page).not.toMatch(/at .+\.(m?js|ts):\d+|ECONNREFUSED|fetch failed/)

    // In the browser: the blog's own layout (header, search, footer), not a bare error document.
    const browser = await launchBrowser()
    try {
      const { page: tab } = await openPage(browser)
      const shown = await tab.goto(`${web.url}/authors/marcus-reid`)
      expect(shown?.status()).toBe(503)
      await expectSiteLayout(tab)
      await expect(tab.locator('h1').textContent()).resolves.toBe('The blog is briefly unavailable')
      await expect(tab.getByRole('link', { name: 'Read the newest posts' }).count()).resolves.toBe(1)
      if (process.env.UPDATE_SCREENSHOTS) {
        mkdirSync(path.resolve('docs/screenshots'), { recursive: true })
        await tab.screenshot({ path: path.resolve('docs/screenshots/error-503.png') })
      }
    }
    finally {
      await browser.close()
    }
  })
})
