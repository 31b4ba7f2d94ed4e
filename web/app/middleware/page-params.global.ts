// Fills the route's params (`useRoute().params.slug`) from the route table, and answers 404 for a path no page
// answers, as Nuxt's vue-router integration did.
export default defineNuxtRouteMiddleware((to) => {
  const page = matchPage(to.path)
  if (!page) return createError({ status: 404, fatal: false, statusText: `Page not found: ${to.fullPath}`, data: { path: to.fullPath } })
  to.params = page.params
})
