import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { adminApi, POSTS } from '../../../testing/admin-api'
import { launchBrowser, openPage } from './browser'

// A reader following an old link, in a real browser: the site's 301 takes them to the post's new address.
let browser: Browser
const api = () => adminApi(inject('e2eCmsUrl'))
let documentId = ''

beforeAll(async () => {
  browser = await launchBrowser()
})

afterAll(async () => {
  if (documentId) await api()('DELETE', `${POSTS}/${documentId}`)
  await browser?.close()
})

describe('an old link in the browser', () => {
  it('lands on the post at its new address after the slug changes', async () => {
    const editor = api()
    const authors = await editor('GET', '/content-manager/collection-types/api::author.author?pageSize=1')
    const created = await editor('POST', POSTS, {
      title: 'A post readers bookmarked',
      slug: 'bookmarked-before-the-move',
      body: [{ type: 'paragraph', children: [{ type: 'text', text: 'Still here after the move.' }] }],
      author: { connect: [{ documentId: authors.body.results[0].documentId }] },
    })
    documentId = created.body.data.documentId
    expect((await editor('POST', `${POSTS}/${documentId}/actions/publish`, {})).status).toBe(200)
    const current = await editor('GET', `${POSTS}/${documentId}`)
    await editor('PUT', `${POSTS}/${documentId}`, { ...current.body.data, slug: 'bookmarked-after-the-move' })
    expect((await editor('POST', `${POSTS}/${documentId}/actions/publish`, {})).status).toBe(200)

    const { page } = await openPage(browser)
    const deadline = Date.now() + 2_000
    let landed = ''
    while (Date.now() < deadline && !landed.endsWith('/posts/bookmarked-after-the-move')) {
      await page.goto(`${inject('siteUrl')}/posts/bookmarked-before-the-move`)
      landed = page.url()
    }
    expect(landed).toBe(`${inject('siteUrl')}/posts/bookmarked-after-the-move`)
    await expect(page.locator('h1').textContent()).resolves.toBe('A post readers bookmarked')
    await expect(page.locator('.prose').innerText()).resolves.toContain('Still here after the move.')
  })
})
