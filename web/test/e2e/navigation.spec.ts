import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { adminApi } from '../../../testing/admin-api'
import { launchBrowser, openPage } from './browser'

// The header with a blog's worth of topics: editors choose and order at most six; the rest are on /categories.
const CATEGORIES = '/content-manager/collection-types/api::category.category'
const EXTRA = ['Licensing and royalties', 'Trade secrets', 'Customs enforcement', 'Litigation', 'Domain names', 'Copyright', 'Design rights', 'Software and apps']
let browser: Browser
const site = () => inject('siteUrl')
const api = () => adminApi(inject('e2eCmsUrl'))
const created: string[] = []

beforeAll(async () => {
  browser = await launchBrowser()
  // With the demo's four (positions 1–4) and the fixtures' one, thirteen categories; twelve chosen for the header.
  for (const [index, name] of EXTRA.entries()) {
    const made = await api()('POST', CATEGORIES, { name, slug: name.toLowerCase().replaceAll(' ', '-'), showInNavigation: true, navigationPosition: 5 + index })
    expect(made.status, JSON.stringify(made.body)).toBe(201)
    created.push(made.body.data.documentId)
  }
  // The CMS's webhook purges the site's cache; wait until the topics page has them all.
  const deadline = Date.now() + 10_000
  while (Date.now() < deadline && !(await (await fetch(`${site()}/categories`)).text()).includes('Software and apps')) await new Promise(resolve => setTimeout(resolve, 200))
})

afterAll(async () => {
  for (const documentId of created) await api()('DELETE', `${CATEGORIES}/${documentId}`)
  await browser?.close()
})

const HEADER_TOPICS = ['Blog', 'Patents', 'Trademarks', 'Manufacturing', 'Crowdfunding', 'Licensing and royalties', 'Trade secrets', 'All topics']

describe('the header with thirteen categories', () => {
  it('shows the six editors put first, in their order, then "All topics" — on one row on a desktop', async () => {
    const { page } = await openPage(browser)
    await page.goto(site())
    const nav = page.locator('header .site-header__nav')
    await expect(nav.locator('a').allTextContents()).resolves.toEqual(HEADER_TOPICS)
    const box = await nav.boundingBox()
    expect(box!.height).toBeLessThan(40)
    await expect(page.locator('header .site-menu').isVisible()).resolves.toBe(false)
  })

  it('takes at most a quarter of a phone\'s screen (390 × 844), its topics folded into a menu that works without JavaScript', async () => {
    const { page } = await openPage(browser, { viewport: { width: 390, height: 844 }, javaScriptEnabled: false })
    await page.goto(site())
    const header = await page.locator('header.site-header').boundingBox()
    expect(header!.height).toBeLessThanOrEqual(211)
    await expect(page.locator('header .site-header__nav').isVisible()).resolves.toBe(false)
    const menu = page.locator('header .site-menu')
    await expect(menu.getByRole('link', { name: 'All topics' }).isVisible()).resolves.toBe(false)
    await menu.locator('summary').click()
    await expect(menu.locator('a').allTextContents()).resolves.toEqual(HEADER_TOPICS)
    await expect(menu.getByRole('link', { name: 'Trade secrets' }).isVisible()).resolves.toBe(true)
    await menu.getByRole('link', { name: 'All topics' }).click()
    await page.waitForURL('**/categories')
    await expect(page.locator('h1').textContent()).resolves.toBe('All topics')
  })
})

describe('the "All topics" page', () => {
  it('lists every category by name with its number of published posts, linked to its page', async () => {
    const { page } = await openPage(browser)
    const response = await page.goto(`${site()}/categories`)
    expect(response?.status()).toBe(200)
    const names = await page.locator('.topic__name').allTextContents()
    expect(names.map(name => name.trim())).toEqual([...names.map(name => name.trim())].sort((a, b) => a.localeCompare(b)))
    expect(names).toHaveLength(13)
    const topic = (name: string) => page.locator('.topic').filter({ has: page.getByRole('link', { name, exact: true }) })
    const patents = topic('Patents')
    // The demo blog's published Patents posts, from the public API.
    const count = (await (await fetch(`${site()}/api/categories/patents`)).json()).posts.total
    await expect(patents.locator('.topic__count').textContent()).resolves.toBe(`${count} posts`)
    await expect(topic('Copyright').locator('.topic__count').textContent()).resolves.toBe('0 posts')
    await patents.getByRole('link', { name: 'Patents' }).click()
    await page.waitForURL('**/categories/patents')
  })
})
