// GET /feed.json — the blog's newest posts with full content (json); ?since=2025-12-01 for every post since then.
export default defineEventHandler(event => sendFeed(event, 'json', { kind: 'all' }))
