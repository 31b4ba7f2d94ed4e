import type { H3Event } from 'h3'

// Preview mode is decided before anything else sees the request — the hot lane, route rules and the page cache
// (server/utils/preview.ts). Requests without a preview cookie or header pay one header lookup.
export default defineNitroPlugin((nitroApp) => {
  const handle = nitroApp.h3App.handler
  nitroApp.h3App.handler = (event: H3Event) => (mayBePreview(event.node.req) ? enterPreviewMode(event).then(() => handle(event)) : handle(event))
})
