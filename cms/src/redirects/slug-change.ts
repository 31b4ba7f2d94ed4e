import { sitePaths } from '@pressroom/types'
import type { Core, Modules } from '@strapi/strapi'
import { REDIRECT } from './redirect-rules'

const POST = 'api::post.post'

const publishedSlug = async (strapi: Core.Strapi, documentId: string): Promise<string | null> =>
  ((await strapi.db.query(POST).findOne({ select: ['slug'], where: { documentId, publishedAt: { $notNull: true } } })) as { slug: string } | null)?.slug ?? null

/**
 * No link ever breaks: when a publish changes a post's public address, the old address redirects (301) to the new
 * one — chains collapse through the redirect rules. A post that is published at an address takes it back from any
 * redirect that had it.
 */
export function redirectOldSlugs(strapi: Core.Strapi): Modules.Documents.Middleware.Middleware {
  return async (ctx, next) => {
    if (ctx.uid !== POST || ctx.action !== 'publish') return next()
    const documentId = (ctx.params as { documentId?: string }).documentId
    if (!documentId) return next()
    const before = await publishedSlug(strapi, documentId)
    const result = await next()
    const after = await publishedSlug(strapi, documentId)
    if (!after) return result

    const documents = strapi.documents(REDIRECT)
    const taken = await strapi.db.query(REDIRECT).findMany({ select: ['documentId'], where: { from: sitePaths.post(after) } }) as Array<{ documentId: string }>
    for (const redirect of taken) await documents.delete({ documentId: redirect.documentId })

    if (before && before !== after) {
      const from = sitePaths.post(before)
      const data = { from, to: sitePaths.post(after), statusCode: 301, note: `Made when the post's slug changed from "${before}" to "${after}" (${new Date().toISOString().slice(0, 10)}).` }
      const existing = await strapi.db.query(REDIRECT).findOne({ select: ['documentId'], where: { from } }) as { documentId: string } | null
      if (existing) await documents.update({ documentId: existing.documentId, data } as never)
      else await documents.create({ data } as never)
      strapi.log.info(`[redirects] ${from} → ${data.to}`)
    }
    return result
  }
}
