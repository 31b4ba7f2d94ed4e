// GET /api/search?q=…&page=N — published posts matching the query, best first, with highlighted snippets.
export default defineEventHandler(async (event) => {
  const { q, page } = await getValidatedQuery(event, searchQuery.parse)
  if (!q) return { items: [], page, pageSize: PAGE_SIZE, pageCount: 0, total: 0 }
  return fromCms(event, cms => cms.searchPosts(q, { page, pageSize: PAGE_SIZE }))
})
