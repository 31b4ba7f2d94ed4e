import { buildDigest } from '@pressroom/feeds'
import { MAX_PAGE_SIZE } from '@pressroom/sdk'
import { z } from 'zod'

const digestQuery = z.object({
  since: sinceDate('since is required: the digest lists the posts published since that date, e.g. ?since=2025-12-01'),
  format: z.enum(['json', 'html', 'text']).default('json'),
})

/**
 * GET /newsletter/digest?since=2025-12-01 — the posts since a date as an email: `{ subject, html, text }` for a
 * newsletter tool (format=json, the default), or the HTML or the plain text alone (format=html|text) to preview.
 */
export default defineEventHandler(async (event) => {
  const { since, format } = readQuery(event, digestQuery)
  const site = useRuntimeConfig().public
  const page = await fromCms(event, cms => cms.listPosts({ since, pageSize: MAX_PAGE_SIZE }))
  const digest = buildDigest({ siteName: site.siteName, siteUrl: site.siteUrl, since: new Date(since), posts: page.items })
  if (format === 'html') {
    setResponseHeader(event, 'content-type', 'text/html; charset=utf-8')
    return digest.html
  }
  if (format === 'text') {
    setResponseHeader(event, 'content-type', 'text/plain; charset=utf-8')
    return digest.text
  }
  return { ...digest, posts: page.items.length }
})
