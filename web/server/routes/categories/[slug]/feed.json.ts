// GET /categories/:slug/feed.json — the same feed (json) for one category.
export default defineEventHandler(async event => sendFeed(event, 'json', { kind: 'category', slug: readRouterParams(event, slugParam).slug }))
