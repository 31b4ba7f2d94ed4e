// GET /api/posts/:slug — one published post, with the previous and next posts for navigation.
export default defineEventHandler(async (event) => {
  const { slug } = await getValidatedRouterParams(event, slugParam.parse)
  return fromCms(event, async (cms) => {
    const post = await cms.getPost(slug)
    const category = post.categories[0]?.slug
    const related = category ? (await cms.listPosts({ category, pageSize: 4 })).items.filter(other => other.slug !== slug).slice(0, 3) : []
    return { post, related }
  })
})
