import { mkdirSync } from 'node:fs'
import path from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { launchBrowser, openPage } from './browser'
import { expectSiteLayout } from './page-style'

// Every error a visitor can reach looks like the blog and says what to do next (the 503 is in outage.spec.ts).
let browser: Browser
const site = () => inject('siteUrl')

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

const CASES = [
  { name: 'a post that does not exist', address: '/posts/no-such-post', status: 404, heading: 'We couldn\'t find that page', detail: 'No published post "no-such-post".', screenshot: 'error-404.png' },
  { name: 'a page number past the last page', address: '/?page=999', status: 404, heading: 'We couldn\'t find that page', detail: /^There is no page 999: the list ends at page \d+\.$/ },
  { name: 'an overlong search', address: `/search?q=${'x'.repeat(300)}`, status: 400, heading: 'We couldn\'t read that address', detail: 'Search queries can be at most 200 characters long.', screenshot: 'error-400.png' },
]

describe('error pages', () => {
  it.each(CASES)('$name: status $status in the site\'s layout, with the reason and where to go next', async ({ address, status, heading, detail, screenshot }) => {
    const { page } = await openPage(browser)
    const response = await page.goto(`${site()}${address}`)
    expect(response?.status()).toBe(status)
    await expectSiteLayout(page)
    await expect(page.locator('h1').textContent()).resolves.toBe(heading)
    const shown = await page.locator('.error-page__detail').textContent()
    if (typeof detail === 'string') expect(shown).toBe(detail)
    else expect(shown).toMatch(detail)
    for (const link of ['Read the newest posts', 'Browse all topics', 'Search the blog']) {
      await expect(page.getByRole('link', { name: link }).count()).resolves.toBe(1)
    }
    await expect(page.title()).resolves.toMatch(/ · Lumen IP Advisory$/)
    if (screenshot && process.env.UPDATE_SCREENSHOTS) {
      mkdirSync(path.resolve('docs/screenshots'), { recursive: true })
      await page.screenshot({ path: path.resolve('docs/screenshots', screenshot) })
    }
  })

  it('sends a visitor on from the 404 page to the newest posts', async () => {
    const { page } = await openPage(browser)
    await page.goto(`${site()}/posts/no-such-post`)
    await page.getByRole('link', { name: 'Read the newest posts' }).click()
    await page.locator('h1', { hasText: 'Blog Posts' }).waitFor()
  })
})
