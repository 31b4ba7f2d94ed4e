// GET /atom.xml — the blog's newest posts with full content (atom); ?since=2025-12-01 for every post since then.
export default defineEventHandler(event => sendFeed(event, 'atom', { kind: 'all' }))
