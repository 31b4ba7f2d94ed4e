import type { Post } from '@pressroom/types'
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { describe, expect, it } from 'vitest'
import { buildFeed } from './index.js'

const post: Post = {
  documentId: 'abc123', slug: 'first-post', title: 'First & best', excerpt: 'An excerpt.', date: '2025-12-01T09:00:00.000Z',
  readingTimeMinutes: 3, featured: false, updatedAt: '2025-12-02T10:00:00.000Z', seo: null,
  cover: { url: 'https://cms.example.com/uploads/a.jpg', alt: 'A "cover"', width: 1200, height: 630, mime: 'image/jpeg', formats: [] },
  author: { documentId: 'au1', name: 'Claire Huang', slug: 'claire-huang', avatar: null },
  categories: [{ documentId: 'c1', name: 'Patents', slug: 'patents', description: null }],
  bodyHtml: '<p>Hello <a href="/posts/other">other</a> and <a href="https://example.com/x">elsewhere</a></p>',
}
const channel = { siteName: 'Lumen', title: 'Lumen', description: 'Blog', siteUrl: 'https://blog.example.com', path: '/', feedPaths: { rss: '/feed.xml', atom: '/atom.xml', json: '/feed.json' } }
const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' })

describe('RSS 2.0', () => {
  const rss = buildFeed(channel, [post], 'rss')
  const item = xml.parse(rss).rss.channel.item

  it('is well-formed, points to itself, and identifies items by documentId, not by URL', () => {
    expect(XMLValidator.validate(rss)).toBe(true)
    expect(xml.parse(rss).rss.channel['atom:link']['@href']).toBe('https://blog.example.com/feed.xml')
    expect(item.guid).toEqual({ '#text': 'abc123', '@isPermaLink': 'false' })
    expect(item.pubDate).toBe('Mon, 01 Dec 2025 09:00:00 GMT')
  })

  it('carries the full HTML with the cover first and only absolute URLs, plus the image as enclosure and media:content', () => {
    const html: string = item['content:encoded']
    expect(html.startsWith('<p><img src="https://cms.example.com/uploads/a.jpg" alt="A &quot;cover&quot;" width="1200" height="630"></p>')).toBe(true)
    expect(html).toContain('href="https://blog.example.com/posts/other"')
    expect(html).not.toMatch(/(href|src)="\//)
    expect(item.enclosure['@url']).toBe('https://cms.example.com/uploads/a.jpg')
    expect(item['media:content']).toMatchObject({ '@url': 'https://cms.example.com/uploads/a.jpg', '@medium': 'image', '@width': '1200' })
    expect(item.category['#text']).toBe('Patents')
  })
})

describe('Atom and JSON Feed', () => {
  it('Atom 1.0 is well-formed with absolute links', () => {
    const atom = buildFeed(channel, [post], 'atom')
    expect(XMLValidator.validate(atom)).toBe(true)
    const entry = xml.parse(atom).feed.entry
    expect(entry.id).toBe('urn:pressroom:post:abc123')
    expect([entry.link].flat().map((link: Record<string, string>) => link['@href'])).toContain('https://blog.example.com/posts/first-post')
  })

  it('JSON Feed is version 1.1 with authors, language and the full HTML', () => {
    const feed = JSON.parse(buildFeed(channel, [post], 'json'))
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1')
    expect(feed.language).toBe('en')
    expect(feed.feed_url).toBe('https://blog.example.com/feed.json')
    expect(feed.items[0]).toMatchObject({ id: 'abc123', url: 'https://blog.example.com/posts/first-post', image: 'https://cms.example.com/uploads/a.jpg', authors: [{ name: 'Claire Huang' }] })
    expect(feed.items[0].author).toBeUndefined()
  })
})
