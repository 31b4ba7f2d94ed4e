import { Readable } from 'node:stream'
import { MAX_PAGE_SIZE } from '@pressroom/sdk'
import type { SitemapItemLoose } from 'sitemap'
import { SitemapStream, streamToPromise } from 'sitemap'
import { sitePaths } from '@pressroom/types'

const SITE_PAGES = ['/', '/categories', '/about', '/contact', '/privacy', '/developers']

/** Every published post (with its last change), category and author, and the site's own pages. */
async function sitemapEntries(event: Parameters<typeof fromCms>[0]): Promise<SitemapItemLoose[]> {
  return fromCms(event, async (cms) => {
    const posts = []
    for (let page = 1, pageCount = 1; page <= pageCount; page += 1) {
      const result = await cms.listPosts({ page, pageSize: MAX_PAGE_SIZE })
      posts.push(...result.items)
      pageCount = result.pageCount
    }
    const [categories, authors] = await Promise.all([cms.listCategories(), cms.listAuthors()])
    return [
      ...SITE_PAGES.map(url => ({ url })),
      ...posts.map(post => ({ url: sitePaths.post(post.slug), lastmod: post.date })),
      ...categories.map(category => ({ url: sitePaths.category(category.slug) })),
      ...authors.map(author => ({ url: sitePaths.author(author.slug) })),
    ]
  })
}

// GET /sitemap.xml — cached like every page and purged by the CMS's webhook, so it follows publishing.
export default defineEventHandler(async (event) => {
  const entries = await sitemapEntries(event)
  const xml = await streamToPromise(Readable.from(entries).pipe(new SitemapStream({ hostname: useRuntimeConfig().public.siteUrl })))
  setResponseHeader(event, 'content-type', 'application/xml; charset=utf-8')
  return xml.toString()
})
