import { createHmac, timingSafeEqual } from 'node:crypto'

/**
 * POST /api/revalidate — the CMS's signed "content changed" call. Verifies the HMAC-SHA256 signature of the
 * raw body with the shared secret, then drops every cached page and API answer: lists, related posts and
 * category pages all depend on any post, and publishing is rare enough that a full purge is the simple,
 * always-correct choice. The call reaches one instance; with NUXT_REDIS_URL that instance tells all the others.
 */
export default defineEventHandler(async (event) => {
  const secret = useRuntimeConfig(event).webhookSecret
  if (!secret) throw createError({ statusCode: 503, statusMessage: 'Revalidation is not configured (NUXT_WEBHOOK_SECRET).' })
  const body = (await readRawBody(event, 'utf8')) ?? ''
  const expected = Buffer.from(`sha256=${createHmac('sha256', secret).update(body).digest('hex')}`)
  const given = Buffer.from(getHeader(event, 'x-pressroom-signature') ?? '')
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw createError({ statusCode: 401, statusMessage: 'Invalid signature' })
  }
  await purgeSiteCache(`the CMS said ${body.slice(0, 200)}`)
  setResponseStatus(event, 204)
  return null
})
