import type { Core } from '@strapi/strapi'
import type { Scheduler } from './scheduler'
import { schedulerOptions, startScheduler } from './scheduler'
import { keepSchedules } from './schedule-on-save'

let scheduler: Scheduler | null = null

/** The document middleware that keeps schedules in step with editors' saves, publishes and unpublishes. */
export const keepPostSchedules = (strapi: Core.Strapi) => keepSchedules(strapi, () => scheduler)

/** At boot: publish what fell due while the CMS was down, then keep a timer for the next due post. */
export function startScheduledPublishing(strapi: Core.Strapi): void {
  scheduler = startScheduler(strapi, schedulerOptions())
}

export async function stopScheduledPublishing(): Promise<void> {
  await scheduler?.stop()
  scheduler = null
}
