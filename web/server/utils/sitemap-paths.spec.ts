import { describe, expect, it } from 'vitest'
import { parseSitemapChild, sitemapChildPath } from './sitemap-paths'

describe('child sitemap addresses', () => {
  it('reads /sitemap-pages-N.xml and /sitemap-posts-N.xml, one address per child', () => {
    expect(parseSitemapChild('/sitemap-posts-1.xml')).toEqual({ section: 'posts', part: 1 })
    expect(parseSitemapChild('/sitemap-pages-12.xml')).toEqual({ section: 'pages', part: 12 })
    expect(sitemapChildPath('posts', 3)).toBe('/sitemap-posts-3.xml')
    for (const path of ['/sitemap.xml', '/sitemap-posts-0.xml', '/sitemap-posts-01.xml', '/sitemap-posts-1.xml/', '/sitemap-Posts-1.xml', '/sitemap-posts-1.XML', '/sitemap-drafts-1.xml', '/sitemap-posts-x.xml', '/sitemap-posts-1234567890.xml', '/a/sitemap-posts-1.xml']) {
      expect(parseSitemapChild(path), path).toBeUndefined()
    }
  })
})
