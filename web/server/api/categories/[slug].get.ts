// GET /api/categories/:slug?page=N — a category and a page of its posts (404 past the last page).
export default defineEventHandler(async (event) => {
  const { slug } = readRouterParams(event, slugParam)
  const { page } = readQuery(event, listQuery)
  return listPageFromCms(event, page, async cms => ({
    category: await cms.getCategory(slug),
    posts: await cms.listPosts({ category: slug, page, pageSize: PAGE_SIZE }),
  }), result => result.posts.pageCount)
})
