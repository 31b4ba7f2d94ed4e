// Feeds the hot lane (server/utils/hot-pages.ts) with every successful GET answered under a caching route rule whose
// body is text (pages, feeds, the sitemap; the cached /api/* handlers hand over objects and stay in Nitro's cache),
// uncompressed. The lane answers before h3 routes a request
// (plugins/request-pipeline.ts) — ahead of hooks, route-rule matching and the route cache, which cost more than
// sending the page itself.
export default defineNitroPlugin((nitroApp) => {
  nitroApp.hooks.hook('beforeResponse', (event, { body }) => {
    const response = event.node.res
    if (event.method !== 'GET' || response.statusCode !== 200 || !getRouteRules(event).cache || event.context.preview) return
    if (typeof body !== 'string' && !Buffer.isBuffer(body)) return
    // The URL as requested: Nuxt may rewrite req.url while rendering (e.g. /posts/x/_payload.json → /posts/x).
    const request = event.node.req as typeof event.node.req & { originalUrl?: string }
    hotLane.remember(request.originalUrl ?? request.url ?? '/', response.statusCode, response.getHeaders(), body)
  })
})
