// GET /categories/:slug/feed.xml — the same feed (rss) for one category.
export default defineEventHandler(async event => sendFeed(event, 'rss', { kind: 'category', slug: readRouterParams(event, slugParam).slug }))
