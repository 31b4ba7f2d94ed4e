// GET /api/authors/:slug?page=N — an author and a page of their posts (404 past the last page).
export default defineEventHandler(async (event) => {
  const { slug } = readRouterParams(event, slugParam)
  const { page } = readQuery(event, listQuery)
  return listPageFromCms(event, page, async cms => ({
    author: await cms.getAuthor(slug),
    posts: await cms.listPosts({ author: slug, page, pageSize: PAGE_SIZE }),
  }), result => result.posts.pageCount)
})
