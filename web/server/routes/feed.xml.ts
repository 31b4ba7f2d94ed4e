// GET /feed.xml — the blog's newest posts with full content (rss); ?since=2025-12-01 for every post since then.
export default defineEventHandler(event => sendFeed(event, 'rss', { kind: 'all' }))
