import { absoluteUrlsInHtml } from '@pressroom/richtext'
import type { Post } from '@pressroom/types'
import { Feed } from 'feed'
import { sitePaths } from '@pressroom/types'

export type FeedFormat = 'rss' | 'atom' | 'json'

/** What a feed is about: the whole blog, one category or one author. */
export interface FeedChannel {
  /** The site's name, and the channel's title ("Lumen IP Advisory — Patents"). */
  siteName: string
  title: string
  description: string
  /** Absolute URL of the site (https://blog.example.com). */
  siteUrl: string
  /** The page the feed mirrors, relative to the site ("/", "/categories/patents"). */
  path: string
  /** Where this channel's feeds live, relative to the site ("/feed.xml" …). */
  feedPaths: Record<FeedFormat, string>
  language?: string
}

export const FEED_CONTENT_TYPES: Record<FeedFormat, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
}

const ID_PREFIX = 'urn:pressroom:post:'
const absolute = (siteUrl: string, path: string) => new URL(path, siteUrl).toString()
const escapeAttribute = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')

/** The post's full HTML for readers of the feed: the cover image first, then the body. */
export function feedItemHtml(post: Post): string {
  const cover = post.cover
    ? `<p><img src="${escapeAttribute(post.cover.url)}" alt="${escapeAttribute(post.cover.alt)}"${post.cover.width ? ` width="${post.cover.width}"` : ''}${post.cover.height ? ` height="${post.cover.height}"` : ''}></p>\n`
    : ''
  return `${cover}${post.bodyHtml}`
}

/** Builds one feed in one format. Posts come newest first; every URL in the output is absolute. */
export function buildFeed(channel: FeedChannel, posts: Post[], format: FeedFormat): string {
  const link = absolute(channel.siteUrl, channel.path)
  const feedLinks = { rss: absolute(channel.siteUrl, channel.feedPaths.rss), atom: absolute(channel.siteUrl, channel.feedPaths.atom), json: absolute(channel.siteUrl, channel.feedPaths.json) }
  const feed = new Feed({
    id: link,
    title: channel.title,
    description: channel.description,
    link,
    language: channel.language ?? 'en',
    updated: posts[0] ? new Date(posts[0].updatedAt) : undefined,
    generator: 'Pressroom',
    feed: feedLinks[format],
    feedLinks,
    copyright: `© ${channel.siteName}`,
  })
  for (const post of posts) {
    const url = absolute(channel.siteUrl, sitePaths.post(post.slug))
    feed.addItem({
      // Atom ids must be IRIs; RSS guids and JSON Feed ids are the bare documentId (see asJsonFeed11).
      id: `${ID_PREFIX}${post.documentId}`,
      guid: post.documentId,
      title: post.title,
      link: url,
      date: new Date(post.date),
      published: new Date(post.date),
      description: post.excerpt,
      content: absoluteUrlsInHtml(feedItemHtml(post), channel.siteUrl),
      author: post.author ? [{ name: post.author.name, link: absolute(channel.siteUrl, sitePaths.author(post.author.slug)) }] : [],
      category: post.categories.map(category => ({ name: category.name, domain: absolute(channel.siteUrl, sitePaths.category(category.slug)) })),
      image: post.cover ? { url: post.cover.url, type: post.cover.mime ?? 'image/jpeg' } : undefined,
    })
  }
  if (format === 'rss') return withMediaContent(feed.rss2(), posts)
  if (format === 'atom') return feed.atom1()
  return asJsonFeed11(feed.json1(), channel.language ?? 'en')
}

/**
 * The `feed` library writes RSS without Media RSS: add `media:content` for each cover (newsletter tools such as
 * Mailchimp take the item image from it), after the item's guid, which is the post's documentId.
 */
function withMediaContent(rss: string, posts: Post[]): string {
  let xml = rss.replace('<rss version="2.0"', '<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"')
  for (const post of posts) {
    if (!post.cover) continue
    const size = `${post.cover.width ? ` width="${post.cover.width}"` : ''}${post.cover.height ? ` height="${post.cover.height}"` : ''}`
    const media = `<media:content url="${escapeAttribute(post.cover.url)}" medium="image" type="${escapeAttribute(post.cover.mime ?? 'image/jpeg')}"${size}/>`
    const guid = `<guid isPermaLink="false">${post.documentId}</guid>`
    xml = xml.replace(guid, `${guid}\n            ${media}`)
  }
  return xml
}

/** The `feed` library writes JSON Feed 1.0; 1.1 renames `author` to `authors` and adds `language`. Ids: documentId. */
function asJsonFeed11(json: string, language: string): string {
  const feed = JSON.parse(json) as { version: string, language?: string, items: Array<{ id: string, author?: unknown, authors?: unknown[] }> }
  feed.version = 'https://jsonfeed.org/version/1.1'
  feed.language = language
  for (const item of feed.items) {
    item.id = item.id.replace(ID_PREFIX, '')
    if (item.author) item.authors = [item.author]
    delete item.author
  }
  return JSON.stringify(feed, null, 2)
}
