// GET /api/authors/:slug?page=N — an author and a page of their posts.
export default defineEventHandler(async (event) => {
  const { slug } = await getValidatedRouterParams(event, slugParam.parse)
  const { page } = await getValidatedQuery(event, listQuery.parse)
  return fromCms(event, async cms => ({
    author: await cms.getAuthor(slug),
    posts: await cms.listPosts({ author: slug, page, pageSize: PAGE_SIZE }),
  }))
})
