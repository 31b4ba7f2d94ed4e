// GET /categories/:slug/atom.xml — the same feed (atom) for one category.
export default defineEventHandler(async event => sendFeed(event, 'atom', { kind: 'category', slug: readRouterParams(event, slugParam).slug }))
