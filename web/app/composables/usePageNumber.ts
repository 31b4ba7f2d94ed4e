/** The `?page=N` of the current route as a whole number ≥ 1. */
export function usePageNumber() {
  const route = useRoute()
  return computed(() => {
    const page = Number(route.query.page ?? 1)
    return Number.isInteger(page) && page >= 1 ? page : 1
  })
}
