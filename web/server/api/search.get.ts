// GET /api/search?q=…&page=N — published posts matching the query, best first, with highlighted snippets.
// An empty query finds nothing (one empty page); a page past the last is a 404.
export default defineEventHandler(async (event) => {
  const { q, page } = readQuery(event, searchQuery)
  return listPageFromCms(event, page, async cms => (q ? cms.searchPosts(q, { page, pageSize: PAGE_SIZE }) : { items: [], page, pageSize: PAGE_SIZE, pageCount: 0, total: 0 }), result => result.pageCount)
})
