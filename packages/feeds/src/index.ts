export type { Digest, DigestOptions } from './digest.js'
export { buildDigest } from './digest.js'
export type { FeedChannel, FeedFormat } from './feed.js'
export { buildFeed, FEED_CONTENT_TYPES, feedItemHtml } from './feed.js'
