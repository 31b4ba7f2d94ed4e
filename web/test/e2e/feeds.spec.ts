import { createClient } from '@pressroom/sdk'
import { parseFeed } from 'feedsmith'
import { describe, expect, inject, it } from 'vitest'

const site = () => inject('siteUrl')
const cms = () => createClient({ url: `${inject('e2eCmsUrl')}/graphql` })
const get = (path: string, headers: Record<string, string> = {}) => fetch(`${site()}${path}`, { headers })

describe('feeds', () => {
  it('/feed.xml is RSS 2.0 a feed reader parses, holding the newest published posts in full, as the CMS has them', async () => {
    const response = await get('/feed.xml')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/rss+xml; charset=utf-8')
    const { format, feed } = parseFeed(await response.text())
    expect(format).toBe('rss')
    if (format !== 'rss') return
    const expected = await cms().listFullPosts({ pageSize: 20 })
    const items = feed.items ?? []
    expect(items.map(item => item.title)).toEqual(expected.items.map(post => post.title))
    expect(items.map(item => item.guid)).toEqual(expected.items.map(post => ({ value: post.documentId, isPermaLink: false })))
    for (const [index, item] of items.entries()) {
      const post = expected.items[index]!
      expect(item.link).toBe(`${site()}/posts/${post.slug}`)
      expect(item.content?.encoded).toContain(post.bodyHtml.slice(0, 40).replace(/href="\//g, `href="${site()}/`))
      expect(item.content?.encoded).not.toMatch(/(href|src)="\//)
      if (post.cover) {
        expect(item.content?.encoded?.startsWith(`<p><img src="${post.cover.url}"`)).toBe(true)
        expect(item.enclosures?.[0]?.url).toBe(post.cover.url)
        expect(item.media?.contents?.[0]?.url).toBe(post.cover.url)
      }
      expect(item.authors?.[0]?.name).toBe(post.author?.name)
      expect(new Date(item.pubDate!).toISOString()).toBe(new Date(post.date).toISOString())
    }
    expect(items.map(item => item.title)).not.toContain('Secret draft-only post')
  })

  it('/atom.xml and /feed.json carry the same posts', async () => {
    const rss = parseFeed(await (await get('/feed.xml')).text())
    const atom = parseFeed(await (await get('/atom.xml')).text())
    const json = parseFeed(await (await get('/feed.json')).text())
    expect(atom.format).toBe('atom')
    expect(json.format).toBe('json')
    const titles = rss.format === 'rss' ? rss.feed.items?.map(item => item.title) : []
    expect(atom.format === 'atom' ? atom.feed.entries?.map(entry => entry.title?.value ?? entry.title) : []).toEqual(titles)
    expect(json.format === 'json' ? json.feed.items?.map(item => item.title) : []).toEqual(titles)
  })

  it('takes ?since= (and refuses a malformed one with a clear 400)', async () => {
    const { format, feed } = parseFeed(await (await get('/feed.xml?since=2025-10-01')).text())
    const dates = format === 'rss' ? (feed.items ?? []).map(item => Date.parse(item.pubDate!)) : []
    expect(dates.length).toBeGreaterThan(0)
    expect(dates.every(date => date >= Date.parse('2025-10-01'))).toBe(true)
    const all = await cms().listPosts({ since: '2025-10-01', pageSize: 100 })
    expect(dates).toHaveLength(all.total)

    const bad = await get('/feed.xml?since=yesterday')
    expect(bad.status).toBe(400)
    expect(await bad.text()).toContain('since must be an ISO 8601 date')
  })

  it('answers a repeated conditional request with 304 Not Modified', async () => {
    const first = await get('/feed.json')
    const etag = first.headers.get('etag')!
    const lastModified = first.headers.get('last-modified')!
    expect(etag).toBeTruthy()
    expect(lastModified).toBeTruthy()
    expect((await get('/feed.json', { 'if-none-match': etag })).status).toBe(304)
    expect((await get('/feed.json', { 'if-modified-since': lastModified })).status).toBe(304)
  })

  it('exists per category and per author, and answers 404 for an unknown one', async () => {
    const { format, feed } = parseFeed(await (await get('/categories/patents/feed.xml')).text())
    const patents = await cms().listPosts({ category: 'patents', pageSize: 20 })
    expect(format === 'rss' ? feed.items?.map(item => item.title) : []).toEqual(patents.items.map(post => post.title))
    expect(format === 'rss' ? feed.title : '').toContain('Patents')
    const byAuthor = parseFeed(await (await get('/authors/claire-huang/feed.json')).text())
    expect(byAuthor.format === 'json' ? byAuthor.feed.items?.every(item => item.authors?.[0]?.name === 'Claire Huang') : false).toBe(true)
    expect((await get('/categories/no-such-category/atom.xml')).status).toBe(404)
  })

  it('is announced on every page with <link rel="alternate">, and linked from the footer', async () => {
    for (const path of ['/', '/posts/protecting-your-idea-before-you-talk-to-manufacturers', '/about']) {
      const html = await (await get(path)).text()
      expect(html).toContain('<link rel="alternate" type="application/rss+xml" title="RSS feed" href="/feed.xml">')
      expect(html).toContain(`type="application/atom+xml"`)
      expect(html).toContain(`type="application/feed+json"`)
      expect(html).toMatch(/<footer[\s\S]*href="\/feed\.xml"[\s\S]*<\/footer>/)
    }
  })
})

describe('the newsletter digest', () => {
  it('lists the posts since a date as email-ready HTML and plain text, with nothing executable', async () => {
    const response = await get('/newsletter/digest?since=2023-01-01')
    expect(response.status).toBe(200)
    const digest = await response.json() as { subject: string, html: string, text: string, posts: number }
    const expected = await cms().listPosts({ since: '2023-01-01', pageSize: 100 })
    expect(digest.posts).toBe(expected.total)
    for (const post of expected.items) {
      expect(digest.text).toContain(`${site()}/posts/${post.slug}`)
      expect(digest.html).toContain(`href="${site()}/posts/${post.slug}"`)
    }
    // The hostile fixture post (2023) is in it, its markup as text.
    expect(expected.items.map(post => post.slug)).toContain('hostile-html-in-the-body')
    expect(digest.html).not.toMatch(/<script|<iframe|<svg|\son[a-z]+=|javascript:/i)
    expect(digest.html).toMatch(/<table role="presentation"/)
    expect(digest.html).toMatch(/<img [^>]*width="560"/)
    expect(digest.subject).toMatch(/^Lumen IP Advisory: \d+ new posts since 01 Jan, 2023$/)

    const html = await get('/newsletter/digest?since=2023-01-01&format=html')
    expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(await html.text()).toBe(digest.html)
  })

  it('asks for a since date it can read', async () => {
    const missing = await get('/newsletter/digest')
    expect(missing.status).toBe(400)
    expect(await missing.text()).toContain('since is required')
    expect((await get('/newsletter/digest?since=soon')).status).toBe(400)
  })
})
