import type { Core } from '@strapi/strapi'

/**
 * A post's schedule lives on its draft row (the editor's "Publish at" / "Unpublish at", private fields): `publishAt`
 * publishes the current draft at that time, `unpublishAt` takes the post off the site. `scheduleStatus` is
 * "scheduled" while a publish is pending and "failed" (with `scheduleError`) when the publish rules refused it.
 * Bookkeeping goes through the query engine, not the document service: it must not touch `updatedAt`, or the admin
 * would show the post as "Modified".
 */
export const POST = 'api::post.post'

/** The post's schedule fields: set in the admin, private to it (never in the public API). */
export const SCHEDULE_FIELDS = ['publishAt', 'unpublishAt', 'scheduleStatus', 'scheduleError']

export type ScheduleStatus = 'scheduled' | 'failed'

export interface DuePublish {
  documentId: string
  publishAt: string
}

export interface DueUnpublish {
  documentId: string
  unpublishAt: string
}

export interface StoredSchedule {
  publishAt: string | null
  unpublishAt: string | null
  scheduleStatus: ScheduleStatus | null
  scheduleError: string | null
}

const drafts = (strapi: Core.Strapi) => strapi.db.query(POST)
const asIso = (value: unknown) => (value === null || value === undefined ? null : new Date(value as string).toISOString())

/** Drafts whose publish time has come, oldest first. */
export async function duePublishes(strapi: Core.Strapi, now: Date, limit: number): Promise<DuePublish[]> {
  const rows = await drafts(strapi).findMany({
    select: ['documentId', 'publishAt'],
    where: { publishedAt: null, scheduleStatus: 'scheduled', publishAt: { $lte: now } },
    orderBy: { publishAt: 'asc' },
    limit,
  }) as Array<{ documentId: string, publishAt: string }>
  return rows.map(row => ({ documentId: row.documentId, publishAt: asIso(row.publishAt)! }))
}

/** Drafts whose unpublish time has come, oldest first. */
export async function dueUnpublishes(strapi: Core.Strapi, now: Date, limit: number): Promise<DueUnpublish[]> {
  const rows = await drafts(strapi).findMany({
    select: ['documentId', 'unpublishAt'],
    where: { publishedAt: null, unpublishAt: { $lte: now } },
    orderBy: { unpublishAt: 'asc' },
    limit,
  }) as Array<{ documentId: string, unpublishAt: string }>
  return rows.map(row => ({ documentId: row.documentId, unpublishAt: asIso(row.unpublishAt)! }))
}

/** The earliest pending publish or unpublish time, if any. */
export async function nextDueTime(strapi: Core.Strapi): Promise<Date | null> {
  const [publish] = await drafts(strapi).findMany({ select: ['publishAt'], where: { publishedAt: null, scheduleStatus: 'scheduled', publishAt: { $notNull: true } }, orderBy: { publishAt: 'asc' }, limit: 1 }) as Array<{ publishAt: string }>
  const [unpublish] = await drafts(strapi).findMany({ select: ['unpublishAt'], where: { publishedAt: null, unpublishAt: { $notNull: true } }, orderBy: { unpublishAt: 'asc' }, limit: 1 }) as Array<{ unpublishAt: string }>
  const times = [publish?.publishAt, unpublish?.unpublishAt].filter(time => time != null).map(time => new Date(time).getTime())
  return times.length > 0 ? new Date(Math.min(...times)) : null
}

/**
 * Takes a due publish for this process: a conditional UPDATE that only one of several CMS instances can win (the
 * others then see `publishAt` already cleared). It also fills an empty publication date with the scheduled time.
 * Run it in the publish's transaction, so a failed or interrupted publish gives the schedule back.
 */
export async function claimPublish(strapi: Core.Strapi, due: DuePublish, now: Date): Promise<boolean> {
  // Still due now: an editor may have moved the time or cancelled since the post was found.
  const where = { documentId: due.documentId, publishedAt: null, scheduleStatus: 'scheduled', publishAt: { $lte: now } }
  await drafts(strapi).updateMany({ where: { ...where, date: null }, data: { date: new Date(due.publishAt) } })
  const { count } = await drafts(strapi).updateMany({ where, data: { publishAt: null, scheduleStatus: null, scheduleError: null } })
  return Number(count) === 1
}

/** Takes a due unpublish for this process (see claimPublish); clears the time on every row of the post. */
export async function claimUnpublish(strapi: Core.Strapi, due: DueUnpublish, now: Date): Promise<boolean> {
  const claimed = await drafts(strapi).updateMany({ where: { documentId: due.documentId, publishedAt: null, unpublishAt: { $lte: now } }, data: { unpublishAt: null } })
  if (Number(claimed.count) !== 1) return false
  await drafts(strapi).updateMany({ where: { documentId: due.documentId }, data: { unpublishAt: null } })
  return true
}

/** Records why a scheduled publish was refused; the draft keeps its time and waits for the editor. */
export async function markFailed(strapi: Core.Strapi, due: DuePublish, now: Date, reason: string): Promise<void> {
  await drafts(strapi).updateMany({
    where: { documentId: due.documentId, publishedAt: null, scheduleStatus: 'scheduled', publishAt: { $lte: now } },
    data: { scheduleStatus: 'failed', scheduleError: reason.slice(0, 2000) },
  })
}

/** Publishing ends a post's pending publish (the published copy must not carry it either). */
export async function clearPublishSchedule(strapi: Core.Strapi, documentId: string): Promise<void> {
  await drafts(strapi).updateMany({ where: { documentId, $or: [{ publishAt: { $notNull: true } }, { scheduleStatus: { $notNull: true } }] }, data: { publishAt: null, scheduleStatus: null, scheduleError: null } })
}

/** Unpublishing ends a post's pending unpublish. */
export async function clearUnpublishSchedule(strapi: Core.Strapi, documentId: string): Promise<void> {
  await drafts(strapi).updateMany({ where: { documentId, unpublishAt: { $notNull: true } }, data: { unpublishAt: null } })
}

/** The schedule stored on a post's draft, before an editor's save changes it. */
export async function storedSchedule(strapi: Core.Strapi, documentId: string): Promise<StoredSchedule | null> {
  const row = await drafts(strapi).findOne({ select: ['publishAt', 'unpublishAt', 'scheduleStatus', 'scheduleError'], where: { documentId, publishedAt: null } }) as StoredSchedule | null
  return row ? { publishAt: asIso(row.publishAt), unpublishAt: asIso(row.unpublishAt), scheduleStatus: row.scheduleStatus ?? null, scheduleError: row.scheduleError ?? null } : null
}
