import type { PostSummary } from '@pressroom/types'
import { parse } from 'parse5'
import { describe, expect, it } from 'vitest'
import { buildDigest } from './index.js'

const post = (slug: string, title: string, excerpt: string): PostSummary => ({
  documentId: slug, slug, title, excerpt, date: '2025-12-01T09:00:00.000Z', readingTimeMinutes: 2, featured: false,
  cover: { url: 'https://cms.example.com/uploads/a.jpg', alt: 'Cover', width: 1200, height: 630, mime: 'image/jpeg', formats: [] },
  author: { documentId: 'a', name: 'Claire Huang', slug: 'claire-huang', avatar: null },
  categories: [],
})
const digest = buildDigest({
  siteName: 'Lumen', siteUrl: 'https://blog.example.com', since: new Date('2025-11-01'),
  posts: [post('first', 'First post', 'Why it matters.'), post('hostile', '<script>alert(1)</script>', '<img src=x onerror=alert(2)>')],
})

/** Every element of an HTML document, depth first. */
function elements(node: any): any[] {
  return [node, ...(node.childNodes ?? []).flatMap(elements), ...(node.content ? elements(node.content) : [])].filter(child => child.tagName)
}

describe('buildDigest', () => {
  it('has a subject counting the posts', () => {
    expect(digest.subject).toBe('Lumen: 2 new posts since 01 Nov, 2025')
  })

  it('is HTML that survives email clients: tables, inline styles, absolute links, images with a width', () => {
    const nodes = elements(parse(digest.html))
    expect(nodes.filter(node => node.tagName === 'table').length).toBeGreaterThan(2)
    expect(nodes.some(node => node.tagName === 'style')).toBe(false)
    const links = nodes.filter(node => node.tagName === 'a').map(node => node.attrs.find((a: any) => a.name === 'href').value)
    expect(links).toContain('https://blog.example.com/posts/first')
    expect(links.every((href: string) => href.startsWith('https://'))).toBe(true)
    const images = nodes.filter(node => node.tagName === 'img')
    expect(images).toHaveLength(2)
    for (const image of images) expect(image.attrs.find((a: any) => a.name === 'width').value).toBe('560')
  })

  it('holds nothing executable, even from hostile titles and excerpts', () => {
    const nodes = elements(parse(digest.html))
    expect(nodes.filter(node => node.tagName === 'script')).toHaveLength(0)
    expect(nodes.flatMap(node => node.attrs.map((a: any) => a.name)).filter((name: string) => name.startsWith('on'))).toEqual([])
    expect(digest.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
  })

  it('comes with a plain-text alternative holding every title and link', () => {
    expect(digest.text).toContain('First post\nBy Claire Huang / On 01 Dec, 2025\nWhy it matters.\nhttps://blog.example.com/posts/first')
    expect(digest.text).not.toMatch(/<a |<table/)
  })
})
