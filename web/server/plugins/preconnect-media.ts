// Cover images come from the CMS's origin, a second host for the browser: opening that connection while the
// HTML is still arriving takes its setup off the path to the largest image (the page's LCP).
export default defineNitroPlugin((nitroApp) => {
  nitroApp.hooks.hook('render:html', (html) => {
    html.head.unshift(`<link rel="preconnect" href="${cmsMediaOrigin()}">`)
  })
})
