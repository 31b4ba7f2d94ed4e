import { mkdirSync } from 'node:fs'
import path from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { launchBrowser, openPage } from './browser'

let browser: Browser
const site = () => inject('siteUrl')
const FEATURED = 'Protecting your idea before you talk to manufacturers'

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

describe('the blog index', () => {
  it('shows the seeded posts with thumbnail, author and date, the featured post first', async () => {
    const { page } = await openPage(browser)
    const response = await page.goto(site())
    expect(response?.status()).toBe(200)
    await expect(page.locator('h1').textContent()).resolves.toBe('Blog Posts')
    const cards = page.locator('article.post-card')
    expect(await cards.count()).toBe(9)
    await expect(cards.first().locator('h2').textContent()).resolves.toContain(FEATURED)
    for (const card of await cards.all()) {
      await expect(card.locator('img').getAttribute('alt')).resolves.toMatch(/\S/)
      await expect(card.locator('.post-meta').innerText()).resolves.toMatch(/^By (Claire Huang|Marcus Reid) \/ On \d{2} [A-Z][a-z]{2}, 20\d{2} · \d+ min read$/)
    }
    // Only the first image loads eagerly.
    expect(await page.locator('article.post-card img[loading="eager"]').count()).toBe(1)
    if (process.env.UPDATE_SCREENSHOTS) {
      mkdirSync(path.resolve('docs/screenshots'), { recursive: true })
      await page.screenshot({ path: path.resolve('docs/screenshots/index.png'), fullPage: true })
    }
  })

  it('navigates index → post → category → author', async () => {
    const { page } = await openPage(browser)
    await page.goto(site())
    await page.locator('article.post-card h2 a', { hasText: FEATURED }).click()
    await page.waitForURL('**/posts/protecting-your-idea-before-you-talk-to-manufacturers')
    await page.locator('h1', { hasText: FEATURED }).waitFor()
    await expect(page.locator('.prose h2').count()).resolves.toBeGreaterThan(0)
    await expect(page.locator('.author-box').innerText()).resolves.toContain('Marcus Reid')
    if (process.env.UPDATE_SCREENSHOTS) await page.screenshot({ path: path.resolve('docs/screenshots/post.png') })

    await page.locator('.post__header .post-categories a', { hasText: 'Manufacturing' }).click()
    await page.waitForURL('**/categories/manufacturing')
    await page.locator('h1', { hasText: 'Manufacturing' }).waitFor()
    await expect(page.locator('article.post-card').count()).resolves.toBeGreaterThan(0)

    await page.locator('.post-meta__author').first().click()
    await page.waitForURL('**/authors/*')
    await page.locator('h1', { hasText: /Claire Huang|Marcus Reid/ }).waitFor()
    await expect(page.locator('article.post-card').count()).resolves.toBeGreaterThan(0)
  })
})

describe('the site\'s own pages', () => {
  it('are linked from the footer and rendered from web/content', async () => {
    const { page } = await openPage(browser)
    await page.goto(site())
    await page.locator('footer a', { hasText: 'About us' }).click()
    await page.waitForURL('**/about')
    await page.locator('h1', { hasText: 'About Lumen IP Advisory' }).waitFor()
    for (const [address, heading] of [['/contact', 'Contact us'], ['/privacy', 'Privacy'], ['/developers', 'Build on this blog']]) {
      const response = await page.goto(`${site()}${address}`)
      expect(response?.status()).toBe(200)
      await expect(page.locator('h1').textContent()).resolves.toBe(heading)
    }
  })
})

describe('the developer documentation', () => {
  it('is linked from the footer and shows runnable examples: curl, the sdk, search, posts since a date, limits, feeds', async () => {
    const { page } = await openPage(browser)
    await page.goto(site())
    await page.locator('footer a', { hasText: 'Developers' }).click()
    await page.waitForURL('**/developers')
    await page.locator('h1', { hasText: 'Build on this blog' }).waitFor()
    const text = await page.locator('main').innerText()
    for (const expected of ['curl -s', 'createClient', 'postsSince', 'searchPosts', 'pageInfo', 'read-only API token', 'query depth', 'request rate', '/feed.xml', 'If-None-Match']) {
      expect(text).toContain(expected)
    }
  })
})

describe('unknown addresses', () => {
  it.each(['/posts/no-such-post', '/categories/no-such-category', '/authors/nobody', '/no/such/page'])('%s answers 404 with a helpful page', async (address) => {
    const { page } = await openPage(browser)
    const response = await page.goto(`${site()}${address}`)
    expect(response?.status()).toBe(404)
    await expect(page.locator('h1').textContent()).resolves.toBe('We couldn\'t find that page')
    await expect(page.locator('main a[href="/"]').count()).resolves.toBeGreaterThan(0)
    expect(await page.content()).not.toMatch(/at .+\.(m?js|ts):\d+/)
  })
})

describe('without JavaScript', () => {
  it('shows content and paginates with plain links', async () => {
    const { page } = await openPage(browser, { javaScriptEnabled: false })
    await page.goto(site())
    expect(await page.locator('article.post-card').count()).toBe(9)
    await page.locator('a[rel="next"]').click()
    await page.waitForURL('**/?page=2')
    await expect(page.locator('article.post-card h2').allTextContents()).resolves.toContain('Hostile HTML in the body')
    await page.locator('article.post-card h2 a').first().click()
    await page.waitForURL('**/posts/**')
    await expect(page.locator('.prose').innerText()).resolves.toMatch(/\S{20,}/)
  })
})

describe('a post whose body holds hostile HTML', () => {
  it('fires no dialog and carries no script or event handler', async () => {
    for (const javaScriptEnabled of [true, false]) {
      const { page, dialogs } = await openPage(browser, { javaScriptEnabled })
      const response = await page.goto(`${site()}/posts/hostile-html-in-the-body`)
      expect(response?.status()).toBe(200)
      await page.waitForTimeout(300)
      expect(dialogs).toEqual([])
      expect(await page.locator('.prose script, .prose iframe, .prose svg, .prose img').count()).toBe(0)
      const handlers = await page.locator('.prose *').evaluateAll(nodes => nodes.flatMap(node => node.getAttributeNames().filter(name => name.startsWith('on'))))
      expect(handlers).toEqual([])
      await expect(page.locator('.prose').innerText()).resolves.toContain('<script>alert(\'script tag\')</script>')
    }
  })
})

describe('the Content-Security-Policy in the browser', () => {
  it('lets the site hydrate with no violation, and refuses an inline script the server did not send', async () => {
    const { page } = await openPage(browser)
    const violations: string[] = []
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text())
    })
    for (const path of ['/', '/posts/protecting-your-idea-before-you-talk-to-manufacturers', '/categories/manufacturing', '/about']) {
      await page.goto(`${site()}${path}`)
      // Hydrated: Nuxt's client app has mounted, which needs every inline script it was sent.
      await page.waitForFunction(() => (document.querySelector('#__nuxt') as { __vue_app__?: unknown } | null)?.__vue_app__ !== undefined)
    }
    expect(violations).toEqual([])

    await page.evaluate(() => {
      const script = document.createElement('script')
      script.textContent = 'window.injected = true'
      document.body.append(script)
    })
    expect(await page.evaluate(() => (window as unknown as { injected?: boolean }).injected)).toBeUndefined()
    expect(violations.join('\n')).toMatch(/inline script/i)
  })
})


describe('keyboard use', () => {
  it('offers a visible skip link first, then moves through links with a visible focus ring', async () => {
    const { page } = await openPage(browser)
    await page.goto(site())
    await page.keyboard.press('Tab')
    const skip = page.locator('.skip-link')
    await expect(skip.evaluate(node => node === document.activeElement)).resolves.toBe(true)
    const box = await skip.boundingBox()
    expect(box && box.x >= 0 && box.width > 0).toBe(true) // on screen once focused
    await page.keyboard.press('Enter')
    await page.keyboard.press('Tab')
    // The next stop is inside the main content, and it shows a focus ring.
    const focused = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement
      const style = getComputedStyle(element)
      return { inMain: !!element.closest('main'), outline: style.outlineStyle, width: Number.parseFloat(style.outlineWidth) }
    })
    expect(focused).toMatchObject({ inMain: true, outline: 'solid' })
    expect(focused.width).toBeGreaterThanOrEqual(2)
  })
})

describe('search from the header', () => {
  for (const javaScriptEnabled of [true, false]) {
    it(`finds posts by words in their bodies, with highlighted snippets (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
      const { page } = await openPage(browser, { javaScriptEnabled })
      await page.goto(site())
      const box = page.getByLabel('Search posts')
      await expect(box.getAttribute('placeholder')).resolves.toBe('Type something to search...')
      await box.fill('tooling')
      await box.press('Enter')
      await page.waitForURL('**/search?q=tooling')
      await expect(page.locator('h1').textContent()).resolves.toBe('Results for “tooling”')
      await expect(page.locator('.search-count').textContent()).resolves.toMatch(/^\s*\d+ posts? found\s*$/)
      const hits = page.locator('article.search-hit')
      expect(await hits.count()).toBeGreaterThan(0)
      await expect(hits.first().locator('mark').first().textContent()).resolves.toMatch(/^tooling$/i)
      await hits.first().locator('h2 a').click()
      await page.waitForURL('**/posts/**')
    })
  }

  it('suggests posts as you type, as a combobox the keyboard can drive', async () => {
    const { page } = await openPage(browser)
    await page.goto(site())
    const box = page.getByLabel('Search posts')
    await box.click()
    // Half a word: "toolin" must already find posts about tooling (stemmed to "tool" in the index).
    await box.pressSequentially('toolin', { delay: 40 })
    const combobox = page.getByRole('combobox', { name: 'Search posts' })
    const options = page.getByRole('listbox', { name: 'Matching posts' }).getByRole('option')
    await options.first().waitFor()
    await expect(combobox.getAttribute('aria-expanded')).resolves.toBe('true')
    const title = await options.first().textContent()
    await combobox.press('ArrowDown')
    await expect(combobox.getAttribute('aria-activedescendant')).resolves.toBe(await options.first().getAttribute('id'))
    await expect(options.first().getAttribute('aria-selected')).resolves.toBe('true')
    await combobox.press('Enter')
    await page.waitForURL('**/posts/**')
    // The address changes as the navigation starts; the post's heading follows once its data has arrived.
    await page.locator('h1', { hasText: title! }).waitFor({ timeout: 5_000 })
  })

  it('says so helpfully when nothing matches, and keeps hostile input as text', async () => {
    const { page, dialogs } = await openPage(browser)
    const response = await page.goto(`${site()}/search?q=${encodeURIComponent('<img src=x onerror=alert(1)> qwertyuiop')}`)
    expect(response?.status()).toBe(200)
    await expect(page.locator('.search-empty').textContent()).resolves.toContain('No posts match')
    await expect(page.locator('h1').textContent()).resolves.toContain('<img src=x onerror=alert(1)>')
    expect(dialogs).toEqual([])
  })

  it('refuses an overlong query with a 400 page, not a crash', async () => {
    const response = await fetch(`${site()}/search?q=${'x'.repeat(5_000)}`)
    expect(response.status).toBe(400)
  })
})
