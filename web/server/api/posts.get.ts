// GET /api/posts?page=N — a page of published posts for the blog index; page 1 also names the featured post,
// which the index shows first. A page past the last is a 404.
export default defineEventHandler(async (event) => {
  const { page } = readQuery(event, listQuery)
  return listPageFromCms(event, page, async (cms) => {
    const [list, featured] = await Promise.all([
      cms.listPosts({ page, pageSize: PAGE_SIZE }),
      page === 1 ? cms.listPosts({ featured: true, pageSize: 1 }) : null,
    ])
    return { ...list, featured: featured?.items[0] ?? null }
  }, list => list.pageCount)
})
