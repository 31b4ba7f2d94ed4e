// GET /authors/:slug/feed.xml — the same feed (rss) for one author.
export default defineEventHandler(async event => sendFeed(event, 'rss', { kind: 'author', slug: readRouterParams(event, slugParam).slug }))
