// Auto-imported into pages and components: the one definition of where posts, authors and categories live,
// shared with the feeds, the sitemap and the CMS's webhook.
export { sitePaths } from '@pressroom/types'
