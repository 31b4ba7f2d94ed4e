import type { H3Event } from 'h3'

// The hot lane (server/utils/hot-pages.ts): fed by every successful GET answered under a caching route rule (pages,
// /api/*, feeds, the sitemap) with the uncompressed body, and consulted before h3 routes a request — ahead of hooks, route-rule matching and the
// route cache, which cost more than sending the page itself.
export default defineNitroPlugin((nitroApp) => {
  nitroApp.hooks.hook('beforeResponse', (event, { body }) => {
    const response = event.node.res
    if (event.method !== 'GET' || response.statusCode !== 200 || !getRouteRules(event).cache || event.context.preview) return
    if (typeof body !== 'string' && !Buffer.isBuffer(body)) return
    // The URL as requested: Nuxt may rewrite req.url while rendering (e.g. /posts/x/_payload.json → /posts/x).
    const request = event.node.req as typeof event.node.req & { originalUrl?: string }
    hotLane.remember(request.originalUrl ?? request.url ?? '/', response.statusCode, response.getHeaders(), body)
  })

  // What the lane does not answer is compressed as it is sent, when the client accepts it (server/utils/compression.ts).
  const routeRequest = nitroApp.h3App.handler
  nitroApp.h3App.handler = (event: H3Event) => {
    const { req: request, res: response } = event.node
    if (hotLane.send(request, response)) return undefined
    if (fromNetwork(request)) compressWhenAccepted(request, response)
    return routeRequest(event)
  }
})
