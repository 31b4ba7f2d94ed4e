import type { Core, Modules, UID } from '@strapi/strapi'
import { fieldError } from '../utils/field-error'

const WITH_SLUGS = new Set(['api::post.post', 'api::author.author', 'api::category.category'])

/** What an editor reads about a slug that does not fit the pattern. */
export const slugProblem = (slug: string) => `The URL slug "${slug}" can't be used. Use lowercase letters, digits and single dashes (e.g. utility-models-in-china).`

/** The slug pattern from a content type's schema (one source: schema.json). */
export function slugPattern(strapi: Core.Strapi, uid: string): RegExp | null {
  const regex = (strapi.getModel(uid as UID.ContentType)?.attributes.slug as { regex?: string } | undefined)?.regex
  return regex ? new RegExp(regex) : null
}

/**
 * Strapi checks a slug's pattern only when publishing, and then shows the raw regular expression. This checks it on
 * every save, against the pattern in the content type's schema, and says what to type instead — on the field.
 */
export function friendlyValidation(strapi: Core.Strapi): Modules.Documents.Middleware.Middleware {
  return async (ctx, next) => {
    if (!WITH_SLUGS.has(ctx.uid) || (ctx.action !== 'create' && ctx.action !== 'update')) return next()
    const slug = (ctx.params as { data?: { slug?: unknown } }).data?.slug
    const pattern = slugPattern(strapi, ctx.uid)
    if (typeof slug === 'string' && slug !== '' && pattern && !pattern.test(slug)) {
      throw fieldError('slug', slugProblem(slug))
    }
    return next()
  }
}
