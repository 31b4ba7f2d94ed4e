/**
 * The `?page=` of the current route exactly as typed, for the site's API to judge: a malformed number is a 400
 * there, one past the last page a 404, so every list answers the same way.
 */
export function usePageQuery() {
  const route = useRoute()
  return computed(() => route.query.page ?? undefined)
}
