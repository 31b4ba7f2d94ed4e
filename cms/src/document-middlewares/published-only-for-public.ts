import type { Core, Modules } from '@strapi/strapi'
import { isAnonymousContentApiRequest } from '../utils/request-audience'

const READ_ACTIONS = new Set(['findMany', 'findOne', 'findFirst', 'count'])

/**
 * Strapi 5 lets any role that may `find` also read drafts (`status: DRAFT`, `?status=draft`).
 * Anonymous requests are forced to published content here, below every route that reads documents;
 * API tokens (preview, editors' tools) keep access to drafts. Types without drafts are forced too: the status
 * also governs what they populate (`/api/authors?populate=posts&status=draft`).
 */
export function publishedOnlyForPublic(strapi: Core.Strapi): Modules.Documents.Middleware.Middleware {
  return async (ctx, next) => {
    if (READ_ACTIONS.has(ctx.action) && isAnonymousContentApiRequest(strapi)) {
      (ctx.params as { status?: string }).status = 'published'
    }
    return next()
  }
}
