import { mkdirSync } from 'node:fs'
import type { Server } from 'node:http'
import { createServer } from 'node:http'
import path from 'node:path'
import type { Browser, Frame, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { AdminApi } from '../../../testing/admin-api'
import { adminApi, POSTS } from '../../../testing/admin-api'
import { freePort } from '../../../testing/cms-server'
import { launchBrowser, openPage } from './browser'

// The admin's Preview in a real browser: Strapi's edit view → its preview page, which frames the site's page for
// the draft. The site lets the admin's origin frame a preview, and no other.
const DRAFT_WORDS = 'A draft seen through the admin\'s own preview.'
const EDITOR = { email: 'erin@example.com', password: 'Editor-Passw0rd!' }
let browser: Browser
let api: AdminApi
let documentId = ''
let otherOrigin: Server
let otherOriginUrl = ''

async function signInToAdmin(page: Page) {
  await page.goto(`${inject('e2eCmsUrl')}/admin/auth/login`)
  await page.fill('input[name="email"]', EDITOR.email)
  await page.fill('input[name="password"]', EDITOR.password)
  await page.click('button[type="submit"]')
  await page.waitForURL(url => !url.pathname.includes('/auth/'), { timeout: 30_000 })
}

/** The frame showing the site's page, once it holds `text` (or null if it never does within the time). */
async function frameWith(page: Page, text: string, timeoutMs = 15_000): Promise<Frame | null> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      if (frame === page.mainFrame()) continue
      const content = await frame.content().catch(() => '')
      if (content.includes(text)) return frame
    }
    await page.waitForTimeout(200)
  }
  return null
}

beforeAll(async () => {
  browser = await launchBrowser()
  api = adminApi(inject('e2eCmsUrl')) // registers the first admin on a fresh database
  const authors = await api('GET', '/content-manager/collection-types/api::author.author?pageSize=1')
  const created = await api('POST', POSTS, {
    title: 'Previewed from the admin',
    slug: 'previewed-from-the-admin',
    excerpt: 'What the editor sees before anyone else.',
    body: [{ type: 'paragraph', children: [{ type: 'text', text: DRAFT_WORDS }] }],
    author: { connect: [{ documentId: authors.body.results[0].documentId }] },
  })
  expect(created.status).toBe(201)
  documentId = created.body.data.documentId

  // Another site on the same host (so the preview cookie would travel with its frame): it must not frame a preview.
  const port = await freePort()
  otherOriginUrl = `http://127.0.0.1:${port}`
  otherOrigin = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html' }).end(`<!doctype html><title>Elsewhere</title><iframe src="${inject('siteUrl')}/posts/previewed-from-the-admin" width="800" height="600"></iframe>`)
  })
  await new Promise<void>(resolve => otherOrigin.listen(port, '127.0.0.1', resolve))
})

afterAll(async () => {
  if (documentId) await api('DELETE', `${POSTS}/${documentId}`)
  await browser?.close()
  await new Promise(resolve => otherOrigin?.close(resolve))
})

describe('the admin\'s Preview', () => {
  it('opens the site\'s real page for the draft inside the admin, with the preview banner', async () => {
    const { page } = await openPage(browser, { viewport: { width: 1440, height: 1000 } })
    await signInToAdmin(page)
    await page.goto(`${inject('e2eCmsUrl')}/admin/content-manager/collection-types/api::post.post/${documentId}`)
    await page.getByRole('link', { name: 'Open preview' }).click()
    await page.waitForURL(/\/preview/)

    const frame = await frameWith(page, DRAFT_WORDS)
    expect(frame, 'the draft inside the admin\'s preview frame').not.toBeNull()
    expect(frame!.url()).toBe(`${inject('siteUrl')}/posts/previewed-from-the-admin`)
    await expect(frame!.locator('.preview-banner').innerText()).resolves.toContain('Preview — not published.')
    // The site's own stylesheet applies inside the frame: it is the real page, not a copy.
    await expect(frame!.locator('.site-header').evaluate(element => getComputedStyle(element).backgroundColor)).resolves.toBe('rgb(15, 42, 74)')
    // The preview page's own "Open in a new tab" link carries a signed link for the same draft.
    await expect(page.getByRole('link', { name: 'Open in a new tab' }).getAttribute('href')).resolves.toMatch(new RegExp(`^${inject('siteUrl')}/api/preview\\?token=`))
    if (process.env.UPDATE_SCREENSHOTS) {
      mkdirSync(path.resolve('docs/screenshots'), { recursive: true })
      await page.screenshot({ path: path.resolve('docs/screenshots/admin-preview.png') })
    }
  })

  it('will not be framed by any other origin, even with the editor\'s preview cookie', async () => {
    const { page } = await openPage(browser)
    const link = await api('GET', `/content-manager/preview/url/api::post.post?documentId=${documentId}&status=draft`)
    // The editor opened the preview in this browser, so the cookie is there…
    await page.goto(link.body.data.url)
    await expect(page.locator('.prose').innerText()).resolves.toContain(DRAFT_WORDS)
    // …and the frame below gets the preview response (the cookie travels: same site), yet the browser refuses to
    // show it, because only the admin may frame a preview.
    const framedResponse = page.waitForResponse(response => response.url() === `${inject('siteUrl')}/posts/previewed-from-the-admin`)
    await page.goto(otherOriginUrl)
    const response = await framedResponse
    expect(response.headers()['cache-control']).toBe('private, no-store')
    expect(response.headers()['content-security-policy']).toContain(`frame-ancestors ${inject('e2eCmsUrl')}`)
    expect(await frameWith(page, DRAFT_WORDS, 3_000)).toBeNull()
    const framed = page.frames().find(frame => frame !== page.mainFrame())!
    expect(framed.url()).toBe('chrome-error://chromewebdata/')
  })
})
