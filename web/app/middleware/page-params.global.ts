// Fills the route's params (`useRoute().params.slug`) from the route table, and answers 404 for a path no page
// answers, as Nuxt's vue-router integration did — including `//other.host/about`, which the bare router would read
// as /about.
export default defineNuxtRouteMiddleware((to) => {
  const page = matchPage(to.path)
  const requested = (import.meta.server ? useRequestEvent()?.node.req.url : undefined) ?? to.fullPath
  if (!page || /^[/\\]{2}/.test(requested)) return createError({ status: 404, fatal: false, statusText: `Page not found: ${to.fullPath}`, data: { path: to.fullPath } })
  to.params = page.params
})
