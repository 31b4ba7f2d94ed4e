import { AsyncLocalStorage } from 'node:async_hooks'
import type { Core } from '@strapi/strapi'
import { actingAs } from '../history'
import type { DuePublish, DueUnpublish } from './store'
import { claimPublish, claimUnpublish, duePublishes, dueUnpublishes, markFailed, nextDueTime, POST } from './store'

/** Posts handled per round; a round repeats until nothing is due. */
const BATCH = 20

export interface SchedulerOptions {
  /** The safety net: how often every instance looks for due posts even without a timer (SCHEDULER_SWEEP_SECONDS). */
  sweepMs: number
}

export function schedulerOptions(env: NodeJS.ProcessEnv = process.env): SchedulerOptions {
  const seconds = Number(env.SCHEDULER_SWEEP_SECONDS ?? 30)
  if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 60)
    throw new Error(`SCHEDULER_SWEEP_SECONDS must be a number of seconds above 0 and at most 60; got "${env.SCHEDULER_SWEEP_SECONDS}".`)
  return { sweepMs: seconds * 1000 }
}

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error))

/**
 * Publishes a due post through the document service, so every publish rule and side effect runs (search index,
 * site purge, post.published). The claim and the publish share one transaction: if the rules refuse the post or the
 * process dies half-way, the claim is rolled back with it.
 */
async function publishDue(strapi: Core.Strapi, due: DuePublish): Promise<void> {
  const now = new Date()
  try {
    const published = await actingAs({ actor: 'Scheduled publish' }, () => strapi.db.transaction(async () => {
      if (!(await claimPublish(strapi, due, now))) return false
      await strapi.documents(POST).publish({ documentId: due.documentId })
      return true
    }))
    if (published) strapi.log.info(`[schedule] published ${due.documentId} (scheduled for ${due.publishAt})`)
  }
  catch (error) {
    await markFailed(strapi, due, now, reasonOf(error))
    strapi.log.warn(`[schedule] could not publish ${due.documentId} at its scheduled time: ${reasonOf(error)}`)
  }
}

async function unpublishDue(strapi: Core.Strapi, due: DueUnpublish): Promise<void> {
  const now = new Date()
  try {
    await actingAs({ actor: 'Scheduled unpublish' }, () => strapi.db.transaction(async () => {
      if (!(await claimUnpublish(strapi, due, now))) return
      const published = await strapi.documents(POST).findOne({ documentId: due.documentId, status: 'published', fields: ['id'] } as never)
      if (published) await strapi.documents(POST).unpublish({ documentId: due.documentId })
      strapi.log.info(`[schedule] unpublished ${due.documentId} (scheduled for ${due.unpublishAt})`)
    }))
  }
  catch (error) {
    strapi.log.error(`[schedule] could not unpublish ${due.documentId}: ${reasonOf(error)}`)
  }
}

export interface Scheduler {
  /** Look again now: a save changed a schedule, or the process just booted. */
  kick: () => void
  stop: () => Promise<void>
}

/**
 * One timer per process, set for the next due post and never further away than the sweep interval, so a post
 * scheduled through another instance is still picked up in time. Several instances may wake at once: the claim
 * in the database lets exactly one of them publish each post.
 */
export function startScheduler(strapi: Core.Strapi, { sweepMs }: SchedulerOptions): Scheduler {
  // Rounds run in the context the scheduler started in (boot): a kick from inside an editor's request or transaction
  // must not join that transaction or pass for that request.
  const outsideAnyRequest = AsyncLocalStorage.snapshot()
  let timer: NodeJS.Timeout | undefined
  let running: Promise<void> | undefined
  let again = false
  let stopped = false

  async function round(): Promise<void> {
    for (;;) {
      const now = new Date()
      const publishes = await duePublishes(strapi, now, BATCH)
      const unpublishes = await dueUnpublishes(strapi, now, BATCH)
      for (const due of publishes) await publishDue(strapi, due)
      for (const due of unpublishes) await unpublishDue(strapi, due)
      if (stopped || (publishes.length < BATCH && unpublishes.length < BATCH)) return
    }
  }

  async function arm(): Promise<void> {
    const next = await nextDueTime(strapi)
    const wait = next ? Math.max(0, Math.min(next.getTime() - Date.now(), sweepMs)) : sweepMs
    clearTimeout(timer)
    // Unref'd: the server keeps the process alive; a script (an import) may exit with a timer pending.
    if (!stopped) timer = setTimeout(run, wait).unref()
  }

  function run(): void {
    if (stopped) return
    if (running) {
      again = true
      return
    }
    running = round()
      .catch((error: unknown) => strapi.log.error(`[schedule] round failed: ${reasonOf(error)}`))
      .then(() => arm())
      .catch((error: unknown) => {
        strapi.log.error(`[schedule] could not set the next timer: ${reasonOf(error)}`)
        if (!stopped) timer = setTimeout(run, sweepMs).unref()
      })
      .finally(() => {
        running = undefined
        if (again) {
          again = false
          run()
        }
      })
  }

  run()
  return {
    kick: () => outsideAnyRequest(run),
    stop: async () => {
      stopped = true
      clearTimeout(timer)
      await running
    },
  }
}
