import { createHash } from 'node:crypto'
import type { FeedChannel, FeedFormat } from '@pressroom/feeds'
import { buildFeed, FEED_CONTENT_TYPES } from '@pressroom/feeds'
import { MAX_PAGE_SIZE } from '@pressroom/sdk'
import type { H3Event } from 'h3'
import { sitePaths } from '@pressroom/types'

/** Items in a feed without `since` (the newest); with `since`, every post since then, up to the API's page size. */
export const FEED_ITEMS = 20
const FEED_FILES: Record<FeedFormat, string> = { rss: 'feed.xml', atom: 'atom.xml', json: 'feed.json' }

export type FeedScope = { kind: 'all' } | { kind: 'category' | 'author', slug: string }

const feedPaths = (base: string) => Object.fromEntries(Object.entries(FEED_FILES).map(([format, file]) => [format, `${base}/${file}`])) as Record<FeedFormat, string>

/**
 * Answers a feed request: the newest posts (or all since `since`) with full content, in one format. The feed's
 * ETag and Last-Modified (the newest change among its posts) go with it; the page cache stores them and answers a
 * repeated conditional request with 304.
 */
export async function sendFeed(event: H3Event, format: FeedFormat, scope: FeedScope): Promise<string> {
  const { since } = readQuery(event, feedQuery)
  const site = useRuntimeConfig().public
  const { channel, posts } = await fromCms(event, async (cms) => {
    const filter = scope.kind === 'all' ? {} : { [scope.kind]: scope.slug }
    const list = cms.listFullPosts({ ...filter, since, pageSize: since ? MAX_PAGE_SIZE : FEED_ITEMS })
    const base: Omit<FeedChannel, 'title' | 'description' | 'path' | 'feedPaths'> = { siteName: site.siteName, siteUrl: site.siteUrl }
    if (scope.kind === 'category') {
      const [category, page] = await Promise.all([cms.getCategory(scope.slug), list])
      const path = sitePaths.category(category.slug)
      return { posts: page.items, channel: { ...base, title: `${site.siteName} — ${category.name}`, description: category.description ?? `Posts about ${category.name}.`, path, feedPaths: feedPaths(path) } }
    }
    if (scope.kind === 'author') {
      const [author, page] = await Promise.all([cms.getAuthor(scope.slug), list])
      const path = sitePaths.author(author.slug)
      return { posts: page.items, channel: { ...base, title: `${site.siteName} — ${author.name}`, description: author.bio ?? `Posts by ${author.name}.`, path, feedPaths: feedPaths(path) } }
    }
    return { posts: (await list).items, channel: { ...base, title: site.siteName, description: site.siteDescription, path: '/', feedPaths: feedPaths('') } }
  })
  const body = buildFeed(channel, posts, format)
  const newest = Math.max(0, ...posts.map(post => Date.parse(post.updatedAt)))
  setResponseHeaders(event, {
    'content-type': FEED_CONTENT_TYPES[format],
    'etag': `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
    ...(newest > 0 ? { 'last-modified': new Date(newest).toUTCString() } : {}),
  })
  return body
}
