import { z } from 'zod'

// Only a path on this site: the exit link must not become an open redirect.
const exitQuery = z.object({ to: z.string().regex(/^\/(?![/\\])/).max(2_000).optional().catch(undefined) })

/** GET /api/preview/exit?to=/posts/… — leaves preview mode (drops the cookie) and goes back to the public page. */
export default defineEventHandler(async (event) => {
  setResponseHeader(event, 'cache-control', 'no-store')
  const { to } = readQuery(event, exitQuery)
  deleteCookie(event, PREVIEW_COOKIE, previewCookieOptions())
  return sendRedirect(event, to ?? '/', 302)
})
