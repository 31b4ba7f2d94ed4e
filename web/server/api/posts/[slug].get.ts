import type { Post } from '@pressroom/types'

/** In preview mode, the previewed post's current draft when this is its page (its draft slug); otherwise null. */
async function previewedDraft(event: Parameters<typeof fromCms>[0], slug: string): Promise<Post | null> {
  const preview = event.context.preview
  if (preview?.type !== 'post') return null
  const draft = await usePreviewCms().getPostDraft(preview.documentId)
  // A post that was never published has no date yet: it gets the moment of its first publish.
  return draft.slug === slug ? { ...draft, date: draft.date || new Date().toISOString() } : null
}

// GET /api/posts/:slug — one published post (or, in preview, the previewed draft), with the previous and next posts.
export default defineEventHandler(async (event) => {
  const { slug } = readRouterParams(event, slugParam)
  return fromCms(event, async (cms) => {
    const post = (await previewedDraft(event, slug)) ?? await cms.getPost(slug)
    const category = post.categories[0]?.slug
    const related = category ? (await cms.listPosts({ category, pageSize: 4 })).items.filter(other => other.slug !== slug).slice(0, 3) : []
    return { post, related }
  })
})
