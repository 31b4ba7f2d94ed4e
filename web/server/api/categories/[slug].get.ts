// GET /api/categories/:slug?page=N — a category and a page of its posts.
export default defineEventHandler(async (event) => {
  const { slug } = await getValidatedRouterParams(event, slugParam.parse)
  const { page } = await getValidatedQuery(event, listQuery.parse)
  return fromCms(event, async cms => ({
    category: await cms.getCategory(slug),
    posts: await cms.listPosts({ category: slug, page, pageSize: PAGE_SIZE }),
  }))
})
