import type { H3Event } from 'h3'

// What every request meets before h3 routes it, in this order (one place, so the order is explicit):
// 0. A visitor's request gets its id and, once answered, its JSON log line (server/utils/request-log.ts). Nitro's
//    in-process calls (SSR's own /api/* fetches) run inside the visitor's request: same id, no line of their own.
// 1. Preview mode is decided (server/utils/preview.ts): an editor's cookie becomes the preview header, which the
//    hot lane and the page cache never answer. Visitors without the cookie pay one header lookup.
// 2. The hot lane answers cached pages, compressed copies included (server/utils/hot-pages.ts) — first, because it
//    is most of the traffic. Every redirect change purges it with the page cache, and an address found to redirect
//    (a request the lane let through to refresh) is dropped from it.
// 3. Old addresses are redirected (server/utils/redirects.ts), before routing or rendering.
// 4. What Nitro then sends is compressed when the client accepts it (server/utils/compression.ts).
export default defineNitroPlugin((nitroApp) => {
  const route = nitroApp.h3App.handler

  const toNitro = (event: H3Event) => {
    if (fromNetwork(event.node.req)) compressWhenAccepted(event.node.req, event.node.res)
    return route(event)
  }

  // Only what reaches Nitro enters the request's async context (for the CMS calls it makes): cache hits never call
  // the CMS, and entering it would cost them a sixth of their speed. In-process calls are already inside it.
  const toNitroAs = (event: H3Event, requestId: string | undefined) => (requestId ? withRequestId(requestId, () => toNitro(event)) : toNitro(event))

  const visit = (event: H3Event, requestId: string | undefined) => {
    const { req: request, res: response } = event.node
    if (hotLane.send(request, response)) return undefined
    const url = request.url ?? '/'
    const redirected = answerRedirect(request, response)
    if (redirected === true) return hotLane.forget(url)
    if (redirected === false) return toNitroAs(event, requestId)
    return redirected.then(done => (done ? hotLane.forget(url) : toNitroAs(event, requestId)))
  }

  const handle = (event: H3Event, requestId: string | undefined) => (mayBePreview(event.node.req) ? enterPreviewMode(event).then(() => visit(event, requestId)) : visit(event, requestId))
  nitroApp.h3App.handler = (event: H3Event) => handle(event, fromNetwork(event.node.req) ? logRequest(event.node.req, event.node.res) : undefined)
  nitroApp.hooks.hook('close', flushRequestLog)
})
