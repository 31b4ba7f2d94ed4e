import { MAX_PAGE_SIZE } from '@pressroom/sdk'

// The dynamic part of /sitemap.xml: every published post (with its last change), category and author.
export default defineSitemapEventHandler(async (event) => {
  return fromCms(event, async (cms) => {
    const posts = []
    for (let page = 1, pageCount = 1; page <= pageCount; page += 1) {
      const result = await cms.listPosts({ page, pageSize: MAX_PAGE_SIZE })
      posts.push(...result.items)
      pageCount = result.pageCount
    }
    const [categories, authors] = await Promise.all([cms.listCategories(), cms.listAuthors()])
    return [
      ...['/about', '/contact', '/privacy'].map(loc => ({ loc })),
      ...posts.map(post => ({ loc: `/posts/${post.slug}`, lastmod: post.date })),
      ...categories.map(category => ({ loc: `/categories/${category.slug}` })),
      ...authors.map(author => ({ loc: `/authors/${author.slug}` })),
    ]
  })
})
