import type { Core, Modules } from '@strapi/strapi'
import { afterCommit } from '../utils/after-commit'
import { fieldError } from '../utils/field-error'
import type { Scheduler } from './scheduler'
import { clearPublishSchedule, clearUnpublishSchedule, POST, SCHEDULE_FIELDS, storedSchedule } from './store'

type PostData = Record<string, unknown>

const instant = (value: unknown): number | null => {
  if (value === null || value === undefined || value === '') return null
  const time = new Date(value as string).getTime()
  return Number.isNaN(time) ? null : time
}

/**
 * What an editor's save does to the schedule. Status and reason are the scheduler's to set, never the form's:
 * a new "Publish at" schedules the post (a time in the past publishes at once), an empty one cancels, and an
 * unchanged one keeps what the scheduler recorded — a failed schedule stays failed until the editor picks a time.
 */
async function settleSchedule(strapi: Core.Strapi, documentId: string | undefined, data: PostData): Promise<void> {
  const publishAt = instant(data.publishAt)
  const unpublishAt = instant(data.unpublishAt)
  if (publishAt !== null && unpublishAt !== null && unpublishAt <= publishAt)
    throw fieldError('unpublishAt', '"Unpublish at" must be later than "Publish at". Change one of the two times, or clear "Unpublish at".')
  const stored = documentId ? await storedSchedule(strapi, documentId) : null
  if (!('publishAt' in data)) {
    delete data.scheduleStatus
    delete data.scheduleError
  }
  else if (publishAt === null) {
    Object.assign(data, { scheduleStatus: null, scheduleError: null })
  }
  else if (stored?.publishAt && instant(stored.publishAt) === publishAt) {
    Object.assign(data, { scheduleStatus: stored.scheduleStatus ?? 'scheduled', scheduleError: stored.scheduleError })
  }
  else {
    Object.assign(data, { scheduleStatus: 'scheduled', scheduleError: null })
  }
}

/**
 * Keeps schedules in step with editors' actions: saves settle the schedule and wake the scheduler once committed;
 * a publish (by hand or by the scheduler) ends the pending publish in the same transaction; an unpublish ends the
 * pending unpublish; a duplicate starts without a schedule.
 */
export function keepSchedules(strapi: Core.Strapi, scheduler: () => Scheduler | null): Modules.Documents.Middleware.Middleware {
  return async (ctx, next) => {
    if (ctx.uid !== POST) return next()
    const params = ctx.params as { documentId?: string, data?: PostData }

    if (ctx.action === 'create' || ctx.action === 'update') {
      const data = params.data
      const touchesSchedule = data !== undefined && SCHEDULE_FIELDS.some(field => field in data)
      if (!touchesSchedule) return next()
      await settleSchedule(strapi, params.documentId, data)
      const result = await next()
      await afterCommit(strapi, () => scheduler()?.kick())
      return result
    }
    if (ctx.action === 'publish' && params.documentId) {
      const documentId = params.documentId
      return strapi.db.transaction(async () => {
        await clearPublishSchedule(strapi, documentId)
        return next()
      })
    }
    if (ctx.action === 'clone') {
      // A copy ("Duplicate" in the admin) starts unscheduled: two posts must not go out at the original's time.
      const result = await next()
      const copy = (result as { documentId?: string } | null)?.documentId
      if (copy) {
        await clearPublishSchedule(strapi, copy)
        await clearUnpublishSchedule(strapi, copy)
      }
      return result
    }
    if (ctx.action === 'unpublish' && params.documentId) {
      const result = await next()
      await clearUnpublishSchedule(strapi, params.documentId)
      return result
    }
    return next()
  }
}
