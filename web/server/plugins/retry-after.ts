import type { H3Error } from 'h3'

// A 503 page (the CMS is down and the page was not cached) tells visitors and crawlers when to come back.
// The header is set on the original request when the error is raised, before Nuxt renders its error page.
export default defineNitroPlugin((nitroApp) => {
  nitroApp.hooks.hook('error', (error, { event }) => {
    if ((error as H3Error).statusCode === 503 && event && !event.node.res.headersSent) {
      setResponseHeader(event, 'Retry-After', RETRY_AFTER_SECONDS)
    }
  })
})
