import type { Core, Modules } from '@strapi/strapi'
import { afterCommit } from '../utils/after-commit'
import type { SiteWebhookEvent } from '../utils/site-webhook'
import { notifySite } from '../utils/site-webhook'

const EVENTS: Record<string, SiteWebhookEvent['event']> = {
  create: 'entry.create',
  update: 'entry.update',
  delete: 'entry.delete',
  publish: 'entry.publish',
  unpublish: 'entry.unpublish',
  discardDraft: 'entry.update',
}

/**
 * After a write to blog content has completed, tell the site (see utils/site-webhook.ts) — once it is committed,
 * when the write is part of a larger transaction (a scheduled publish), so the site never re-reads the old content.
 */
export function notifySiteOnChange(strapi: Core.Strapi): Modules.Documents.Middleware.Middleware {
  return async (ctx, next) => {
    const result = await next()
    const event = EVENTS[ctx.action]
    if (event && ctx.uid.startsWith('api::')) {
      const params = ctx.params as { documentId?: string }
      const documentId = params.documentId ?? (result as { documentId?: string } | null)?.documentId ?? null
      await afterCommit(strapi, () => notifySite(strapi, { event, model: ctx.uid, documentId }))
    }
    return result
  }
}
