import type { Core, Modules } from '@strapi/strapi'
import { errors } from '@strapi/utils'
import { slugPattern, slugProblem } from './friendly-validation'

const POST = 'api::post.post'

interface DraftForPublish {
  slug?: string | null
  date?: string | null
  author?: { id: number } | null
  cover?: { alternativeText?: string | null, name?: string } | null
}

/** The rules a post must meet to go public, worded for the editor who sees them in the admin. */
export function publishProblems(draft: DraftForPublish, slugPattern?: RegExp | null): string[] {
  const problems: string[] = []
  if (draft.slug && slugPattern && !slugPattern.test(draft.slug)) problems.push(slugProblem(draft.slug))
  if (!draft.author) problems.push('Choose an author for this post.')
  if (draft.cover && !draft.cover.alternativeText?.trim()) {
    problems.push(
      `Add alternative text to the cover image${draft.cover.name ? ` "${draft.cover.name}"` : ''} `
      + '(Media Library → edit the image): screen readers and search engines need it.',
    )
  }
  return problems
}

/**
 * On publish: refuse a post that is not ready (see `publishProblems`), and give it its publication date —
 * the time of the first publish — when the editor left `date` empty. Imported posts keep their own date.
 */
export function postPublishRules(strapi: Core.Strapi): Modules.Documents.Middleware.Middleware {
  return async (ctx, next) => {
    if (ctx.uid !== POST || ctx.action !== 'publish') return next()

    const { documentId, locale } = ctx.params as { documentId: string, locale?: string }
    const draft = await strapi.documents(POST).findOne({
      documentId,
      locale,
      status: 'draft',
      fields: ['slug', 'date'],
      populate: { author: { fields: ['id'] }, cover: { fields: ['alternativeText', 'name'] } },
    }) as DraftForPublish | null
    if (!draft) return next()

    const problems = publishProblems(draft, slugPattern(strapi, POST))
    if (problems.length > 0) {
      throw new errors.ValidationError(`This post can't be published yet. ${problems.join(' ')}`, { problems })
    }
    if (!draft.date) {
      // Part of the publish, not a save of its own: straight to the draft row, which the publish then copies (no
      // extra version in the history, no second round of search indexing and site notifications).
      await strapi.db.query(POST).updateMany({ where: { documentId, publishedAt: null, date: null }, data: { date: new Date() } })
    }
    return next()
  }
}
