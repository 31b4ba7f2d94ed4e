// GET /authors/:slug/feed.xml — the same feed (rss) for one author.
export default defineEventHandler(async event => sendFeed(event, 'rss', { kind: 'author', slug: (await getValidatedRouterParams(event, slugParam.parse)).slug }))
