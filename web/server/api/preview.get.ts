import type { PreviewClaims } from '@pressroom/types'
import { sitePaths } from '@pressroom/types'
import { z } from 'zod'

const previewQuery = z.object({ token: z.string({ error: 'token is required' }).min(1).max(2_000) })

/** The page a preview opens: found by documentId, so a slug changed in the draft still leads to the draft. */
async function previewPath({ type, documentId }: PreviewClaims): Promise<string> {
  const cms = usePreviewCms()
  if (type === 'post') return sitePaths.post((await cms.getPostDraft(documentId)).slug)
  if (type === 'author') return sitePaths.author((await cms.getAuthorById(documentId)).slug)
  return sitePaths.category((await cms.getCategoryById(documentId)).slug)
}

/**
 * GET /api/preview?token=… — where the admin's Preview opens. Accepts only a token the CMS signed for one document
 * with a short expiry; keeps it in an httpOnly cookie for as long as it is valid and sends the editor to the page.
 */
export default defineEventHandler(async (event) => {
  setResponseHeader(event, 'cache-control', 'no-store')
  if (!useRuntimeConfig(event).previewSecret) throw createError({ statusCode: 503, statusMessage: 'Service Unavailable', message: 'Preview is not set up on this site (NUXT_PREVIEW_SECRET).' })
  const { token } = readQuery(event, previewQuery)
  const claims = await verifyPreviewToken(token)
  if (!claims) throw createError({ statusCode: 401, statusMessage: 'Unauthorized', message: 'This preview link is not valid or has expired. Open the preview again from the admin.' })
  const path = await fromCms(event, () => previewPath(claims))
  setCookie(event, PREVIEW_COOKIE, token, { ...previewCookieOptions(), maxAge: Math.max(1, claims.expiresAt - Math.floor(Date.now() / 1000)) })
  return sendRedirect(event, path, 302)
})
