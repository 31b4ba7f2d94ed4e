// GET /authors/:slug/feed.json — the same feed (json) for one author.
export default defineEventHandler(async event => sendFeed(event, 'json', { kind: 'author', slug: readRouterParams(event, slugParam).slug }))
