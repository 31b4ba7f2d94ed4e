import { createHmac } from 'node:crypto'
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { AdminApi } from '../../../testing/admin-api'
import { adminApi, POSTS } from '../../../testing/admin-api'
import type { RunningWeb } from '../../../testing/web-server'
import { startWeb, TEST_WEBHOOK_SECRET } from '../../../testing/web-server'

// The sitemap past its URL cap: a second site on the shared CMS with NUXT_SITEMAP_MAX_URLS=5, so the e2e stack's
// dozen pages, categories and authors and its ten posts need an index of several children. The shared site keeps the
// default cap (50,000) and its single urlset (seo.spec.ts).
const CAP = 5
const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9'
const MAX_BYTES = 50 * 1024 * 1024
// W3C Datetime (https://www.w3.org/TR/NOTE-datetime), which the sitemap protocol requires for lastmod.
const W3C_DATETIME = /^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?)?)?$/
const SITE_PAGES = ['/', '/categories', '/about', '/contact', '/privacy', '/developers']
// cms/tests/fixtures/content/posts/secret-draft-only-post.md: a draft until a test publishes it.
const DRAFT_SLUG = 'secret-draft-only-post'

let web: RunningWeb
let admin: AdminApi
const parser = new XMLParser({ ignoreAttributes: false })
const list = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : [value].flat() as T[])

beforeAll(async () => {
  web = await startWeb(inject('e2eCmsUrl'), { env: { NUXT_SITEMAP_MAX_URLS: String(CAP) } })
  admin = adminApi(inject('e2eCmsUrl'))
})

afterAll(async () => {
  const found = await admin('GET', `${POSTS}?filters[slug][$eq]=${DRAFT_SLUG}`)
  // Leave the draft a draft again for the other files.
  const documentId = found.body?.results?.[0]?.documentId
  if (documentId) await admin('POST', `${POSTS}/${documentId}/actions/unpublish`, {})
  await web?.stop()
})

/** What the CMS publishes, asked directly: every published post (slug and date), category and author. */
async function published() {
  const ask = async (query: string, variables: Record<string, unknown> = {}) => {
    const response = await fetch(`${inject('e2eCmsUrl')}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) })
    return ((await response.json()) as { data: Record<string, Array<Record<string, string | null>>> }).data
  }
  const posts: Array<{ path: string, date: string }> = []
  for (let page = 1; ; page += 1) {
    const found = (await ask('query($page: Int!) { posts(pagination: { page: $page, pageSize: 100 }) { slug date publishedAt } }', { page })).posts!
    posts.push(...found.map(post => ({ path: `/posts/${post.slug}`, date: new Date(post.date ?? post.publishedAt!).toISOString() })))
    if (found.length < 100) break
  }
  const taxonomy = await ask('{ categories(pagination: { limit: 100 }) { slug } authors(pagination: { limit: 100 }) { slug } }')
  const pages = [...SITE_PAGES, ...taxonomy.categories!.map(category => `/categories/${category.slug}`), ...taxonomy.authors!.map(author => `/authors/${author.slug}`)]
  return { posts, pages }
}

/** A sitemap file, checked against the protocol: well-formed, the sitemaps.org namespace, absolute URLs on the site, ≤ 50 MB. */
async function sitemapFile(path: string, root: 'urlset' | 'sitemapindex') {
  const response = await fetch(`${web.url}${path}`)
  expect(response.status, path).toBe(200)
  expect(response.headers.get('content-type'), path).toMatch(/^application\/xml/)
  const xml = await response.text()
  expect(Buffer.byteLength(xml), path).toBeLessThanOrEqual(MAX_BYTES)
  expect(XMLValidator.validate(xml), path).toBe(true)
  expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>'), path).toBe(true)
  const document = parser.parse(xml)
  expect(Object.keys(document).filter(key => !key.startsWith('?')), path).toEqual([root])
  expect(document[root]['@_xmlns'], path).toBe(SITEMAP_NS)
  const entries = list<{ loc: string, lastmod?: string }>(document[root][root === 'urlset' ? 'url' : 'sitemap'])
  for (const entry of entries) {
    expect(new URL(entry.loc).origin, entry.loc).toBe(web.url)
    if (entry.lastmod !== undefined) expect(entry.lastmod, entry.loc).toMatch(W3C_DATETIME)
  }
  return entries
}

/** The index's children, then each child's URLs (paths) and lastmods. */
async function readIndex() {
  const children = await sitemapFile('/sitemap.xml', 'sitemapindex')
  const files = await Promise.all(children.map(async (child) => {
    const path = new URL(child.loc).pathname
    return { path, lastmod: child.lastmod, urls: (await sitemapFile(path, 'urlset')).map(url => ({ path: new URL(url.loc).pathname, lastmod: url.lastmod })) }
  }))
  return files
}

const signedPurge = () => {
  // What the CMS sends the site it is wired to; this second site is not, so the test sends it.
  const body = JSON.stringify({ event: 'entry.publish', model: 'post' })
  return fetch(`${web.url}/api/revalidate`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-pressroom-signature': `sha256=${createHmac('sha256', TEST_WEBHOOK_SECRET).update(body).digest('hex')}` }, body })
}

describe(`the sitemap index (NUXT_SITEMAP_MAX_URLS=${CAP})`, () => {
  it('lists the pages\' children, then the posts\' — ceil(count / cap) of each — with each posts child\'s newest post as lastmod', async () => {
    const { posts, pages } = await published()
    expect(posts.length).toBeGreaterThan(CAP)
    const files = await readIndex()
    const pageParts = Math.ceil(pages.length / CAP)
    const postParts = Math.ceil(posts.length / CAP)
    expect(files.map(file => file.path)).toEqual([
      ...Array.from({ length: pageParts }, (_, index) => `/sitemap-pages-${index + 1}.xml`),
      ...Array.from({ length: postParts }, (_, index) => `/sitemap-posts-${index + 1}.xml`),
    ])
    for (const file of files) {
      expect(file.urls.length, file.path).toBeGreaterThan(0)
      expect(file.urls.length, file.path).toBeLessThanOrEqual(CAP)
      if (file.path.startsWith('/sitemap-pages-')) {
        expect(file.lastmod, file.path).toBeUndefined()
        continue
      }
      // Posts carry their date; the child's lastmod is the newest of them.
      const dates = file.urls.map(url => url.lastmod!)
      expect(dates.every(date => date !== undefined), file.path).toBe(true)
      expect(file.lastmod, file.path).toBe(dates.reduce((a, b) => (a > b ? a : b)))
    }
    // Oldest posts first: a new post changes only the last child.
    const postDates = files.filter(file => file.path.startsWith('/sitemap-posts-')).flatMap(file => file.urls.map(url => url.lastmod!))
    expect(postDates).toEqual([...postDates].sort())
  })

  it('has every URL of the site exactly once across its children, with each post\'s date — and no draft', async () => {
    const { posts, pages } = await published()
    const urls = (await readIndex()).flatMap(file => file.urls)
    const paths = urls.map(url => url.path)
    expect(new Set(paths).size).toBe(paths.length)
    expect([...paths].sort()).toEqual([...pages, ...posts.map(post => post.path)].sort())
    const dated = new Map(urls.map(url => [url.path, url.lastmod]))
    for (const post of posts) expect(dated.get(post.path), post.path).toBe(post.date)
    expect(paths).not.toContain(`/posts/${DRAFT_SLUG}`)
    expect(paths).not.toContain('/posts/2025-in-review-lessons-from-our-client-work-and-what-to-watch-in-2026')
  })

  it('answers 404 for a child it does not list, and robots.txt still names /sitemap.xml', async () => {
    const files = await readIndex()
    const lastPosts = files.filter(file => file.path.startsWith('/sitemap-posts-')).length
    const lastPages = files.filter(file => file.path.startsWith('/sitemap-pages-')).length
    for (const path of ['/sitemap-posts-999.xml', '/sitemap-posts-1001.xml', '/sitemap-posts-999999999.xml', `/sitemap-posts-${lastPosts + 1}.xml`, `/sitemap-pages-${lastPages + 1}.xml`, '/sitemap-posts-0.xml', '/sitemap-posts-01.xml', '/sitemap-posts-1.xml/', '/sitemap-drafts-1.xml']) {
      expect((await fetch(`${web.url}${path}`)).status, path).toBe(404)
    }
    const missing = await fetch(`${web.url}/sitemap-posts-999.xml`, { headers: { accept: 'application/json' } })
    expect(((await missing.json()) as { message: string }).message).toBe(`There is no /sitemap-posts-999.xml: the last is /sitemap-posts-${lastPosts}.xml. /sitemap.xml lists the sitemaps.`)
    expect(await (await fetch(`${web.url}/robots.txt`)).text()).toContain(`Sitemap: ${web.url}/sitemap.xml\n`)
    // Below its cap the shared site has one urlset and no children.
    expect((await fetch(`${inject('siteUrl')}/sitemap-posts-1.xml`)).status).toBe(404)
    expect((await fetch(`${inject('siteUrl')}/sitemap-pages-1.xml`)).status).toBe(404)
  })

  it('is cached like the pages, and a publish (the CMS\'s signed purge) puts the new post in the last child', async () => {
    const before = await readIndex()
    const found = await admin('GET', `${POSTS}?filters[slug][$eq]=${DRAFT_SLUG}`)
    const documentId = found.body.results[0].documentId as string
    expect((await admin('POST', `${POSTS}/${documentId}/actions/publish`, {})).status).toBe(200)

    // Not purged yet: the cached index and children still answer, without the post.
    const cached = await readIndex()
    expect(cached).toEqual(before)

    expect((await signedPurge()).status).toBe(204)
    const after = await readIndex()
    const { posts } = await published()
    const post = posts.find(candidate => candidate.path === `/posts/${DRAFT_SLUG}`)!
    const postFiles = after.filter(file => file.path.startsWith('/sitemap-posts-'))
    expect(postFiles).toHaveLength(Math.ceil(posts.length / CAP))
    // It takes its place in date order (the fixture is dated after every demo post, so: last) …
    const rank = posts.filter(other => other.date < post.date).length
    const child = postFiles[Math.floor(rank / CAP)]!
    expect(child.urls[rank % CAP]).toEqual({ path: post.path, lastmod: post.date })
    expect(child.lastmod! >= post.date).toBe(true)
    expect(after.flatMap(file => file.urls).filter(url => url.path === post.path)).toHaveLength(1)
    // … and the children before the one it joined are unchanged, lastmod and all: crawlers need not fetch them again.
    const unchanged = (files: typeof after) => files.filter(file => file.path.startsWith('/sitemap-posts-')).slice(0, Math.floor(rank / CAP))
    expect(unchanged(after)).toEqual(unchanged(before))
  })
})
