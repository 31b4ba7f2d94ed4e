// GET /authors/:slug/atom.xml — the same feed (atom) for one author.
export default defineEventHandler(async event => sendFeed(event, 'atom', { kind: 'author', slug: readRouterParams(event, slugParam).slug }))
