// GET /sitemap.xml — one urlset of every page, category, author and published post while they fit in one file
// (NUXT_SITEMAP_MAX_URLS, default 50,000); past that, the index of /sitemap-pages-N.xml and /sitemap-posts-N.xml
// (server/middleware/sitemap-children.ts). Cached like every page and purged by the CMS's webhook, so it follows
// publishing.
export default defineEventHandler(event => sendSitemap(event))
