import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { describe, expect, inject, it } from 'vitest'

const POST = 'protecting-your-idea-before-you-talk-to-manufacturers'

async function html(path: string) {
  const response = await fetch(`${inject('siteUrl')}${path}`, { headers: { accept: 'text/html' } })
  return { status: response.status, text: await response.text() }
}

const meta = (page: string, attribute: 'name' | 'property', key: string) =>
  new RegExp(`<meta[^>]*${attribute}="${key}"[^>]*content="([^"]*)"`).exec(page)?.[1]

describe('SEO and sharing on a post page', () => {
  it('has title, description, canonical URL, OpenGraph and Twitter tags', async () => {
    const { text } = await html(`/posts/${POST}`)
    expect(/<title>([^<]+)<\/title>/.exec(text)?.[1]).toBe('Protecting your idea before you talk to manufacturers · Lumen IP Advisory')
    expect(meta(text, 'name', 'description')).toMatch(/NDA|NNN/)
    expect(/<link[^>]*rel="canonical"[^>]*href="([^"]+)"/.exec(text)?.[1]).toBe(`${inject('siteUrl')}/posts/${POST}`)
    expect(meta(text, 'property', 'og:type')).toBe('article')
    expect(meta(text, 'property', 'og:image')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/uploads\/.+\.jpg$/)
    expect(meta(text, 'name', 'twitter:card')).toBe('summary_large_image')
  })

  it('describes the post as JSON-LD BlogPosting with author and publisher', async () => {
    const { text } = await html(`/posts/${POST}`)
    const json = /<script type="application\/ld\+json"[^>]*>([\s\S]*?)<\/script>/.exec(text)?.[1]
    const data = JSON.parse(json!)
    expect(data).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'BlogPosting',
      'headline': 'Protecting your idea before you talk to manufacturers',
      'datePublished': '2025-05-06T10:00:00.000Z',
      'author': { '@type': 'Person', 'name': 'Marcus Reid' },
      'publisher': { '@type': 'Organization', 'name': 'Lumen IP Advisory' },
    })
  })
})

describe('robots.txt and sitemap.xml', () => {
  it('robots.txt is plain text that allows the pages, keeps the JSON API out and names the sitemap', async () => {
    const response = await fetch(`${inject('siteUrl')}/robots.txt`)
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/)
    expect(await response.text()).toBe(`User-agent: *\nAllow: /\nDisallow: /api/\n\nSitemap: ${inject('siteUrl')}/sitemap.xml\n`)
  })

  it('sitemap.xml is well-formed and lists every published post, category, author and page — never a draft', async () => {
    const response = await fetch(`${inject('siteUrl')}/sitemap.xml`)
    expect(response.status).toBe(200)
    const xml = await response.text()
    expect(XMLValidator.validate(xml)).toBe(true)
    const urls: Array<{ loc: string }> = [new XMLParser().parse(xml).urlset.url].flat()
    const paths = urls.map(url => new URL(url.loc).pathname)
    expect(urls.every(url => url.loc.startsWith(inject('siteUrl')))).toBe(true)
    expect(paths).toEqual(expect.arrayContaining(['/', '/about', '/contact', '/privacy', '/developers', `/posts/${POST}`, '/categories/patents', '/authors/claire-huang']))
    expect(paths.filter(path => path.startsWith('/posts/'))).toHaveLength(10)
    expect(paths).not.toContain('/posts/secret-draft-only-post')
  })
})

describe('security headers', () => {
  it('pages are sent with nosniff, a referrer policy, no framing and a CSP', async () => {
    const response = await fetch(`${inject('siteUrl')}/posts/${POST}`, { headers: { accept: 'text/html' } })
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin')
    expect(response.headers.get('x-frame-options')).toBe('DENY')
    const policy = response.headers.get('content-security-policy') ?? ''
    expect(policy).toContain("frame-ancestors 'none'")
    expect(policy).toContain("object-src 'none'")
    // Scripts are restricted: this site's files and hashed inline scripts, never 'unsafe-inline' or eval.
    expect(policy).toMatch(/script-src 'self'( 'sha256-[\w+/=]+')+;/)
    expect(policy).not.toMatch(/script-src[^;]*unsafe-(inline|eval)/)
    expect(response.headers.get('x-powered-by')).toBeNull()
    // Cached pages carry no cookies.
    expect(response.headers.get('set-cookie')).toBeNull()
  })
})

describe('the page cache', () => {
  it('answers each URL with its own page, query string included, however quickly they follow each other', async () => {
    const search = (q: string) => fetch(`${inject('siteUrl')}/search?q=${q}`).then(response => response.text())
    for (let i = 0; i < 3; i += 1) {
      const [patents, trademarks] = await Promise.all([search('patents'), search('trademarks')])
      expect(patents).toContain('Results for “patents”')
      expect(trademarks).toContain('Results for “trademarks”')
    }
    const page = await fetch(`${inject('siteUrl')}/posts/${POST}`)
    expect(page.headers.get('content-type')).toContain('text/html')
  })
})
