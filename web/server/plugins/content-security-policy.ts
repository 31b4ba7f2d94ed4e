import type { NuxtRenderHTMLContext } from 'nuxt/app'

// Every rendered page gets a script-restricting Content-Security-Policy. It is set on the rendered response, so the
// page cache stores it with the HTML it describes. The hashes are taken in `render:response`, after every module's
// `render:html` hook has added its scripts (nuxt-site-config appends one to the body).
const APP_MARKUP = /^<div id="(?:__nuxt|teleports)"/
const renderedHtml = new WeakMap<object, NuxtRenderHTMLContext>()

export default defineNitroPlugin((nitroApp) => {
  nitroApp.hooks.hook('render:html', (html, { event }) => {
    renderedHtml.set(event, html)
  })
  nitroApp.hooks.hook('render:response', (response, { event }) => {
    const html = renderedHtml.get(event)
    if (!html) return
    // The rendered app (where post content lives) is never hashed, only what Nuxt and modules put around it.
    const aroundApp = html.body.filter(chunk => !APP_MARKUP.test(chunk))
    const scriptHashes = inlineScriptHashes([...html.head, ...html.bodyPrepend, ...aroundApp, ...html.bodyAppend])
    // A preview may be framed by the admin (its Preview panel), and only by it; everything else by nobody.
    const frameAncestors = event.context.preview ? [cmsAdminOrigin()] : []
    response.headers = { ...response.headers, 'content-security-policy': contentSecurityPolicy({ scriptHashes, mediaOrigin: cmsMediaOrigin(), frameAncestors }) }
    // Private before the page cache sees it, so the render is never stored (server/utils/preview.ts).
    if (event.context.preview) response.headers['cache-control'] = 'private, no-store'
    // Nothing to gain from announcing the framework.
    delete response.headers['x-powered-by']
  })
})
