// The server renders every page's <head>, and with no client-side navigation nothing changes it in the browser.
// So the browser gets this inert head in place of Nuxt's (Unhead's DOM renderer, ~8 KB gzip; removed in
// nuxt.config.ts): useHead() and useSeoMeta() still work in components, and do nothing in the browser.
export default defineNuxtPlugin({
  name: 'nuxt:head',
  enforce: 'pre',
  setup(nuxtApp) {
    const entry = { patch() {}, dispose() {} }
    const head = {
      push: () => entry,
      use() {},
      render() {},
      install(app: typeof nuxtApp.vueApp) {
        app.provide('usehead', head)
      },
    }
    nuxtApp.vueApp.use(head)
  },
})
