import type { Core, Modules } from '@strapi/strapi'
import type { Knex } from '../search/store'
import { DAY_MS, historyConfig } from './config'
import { keepHistory } from './record'
import { registerHistoryRoutes } from './routes'
import { ensureHistoryTables, purgeTrash } from './store'

export { actingAs } from './actor'

const config = historyConfig()
let purger: NodeJS.Timeout | undefined

/** The document middleware that keeps a version of every save and the trash of deleted posts. */
export const keepPostHistory = (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware => keepHistory(strapi, config)

export function registerHistory(strapi: Core.Strapi): void {
  registerHistoryRoutes(strapi)
}

/** At boot: the tables, then deleted posts past their time purged now and every six hours. */
export async function startHistory(strapi: Core.Strapi): Promise<void> {
  const db = strapi.db.connection as unknown as Knex
  await ensureHistoryTables(db)
  const purge = async () => {
    const purged = await purgeTrash(db, Date.now() - config.trashDays * DAY_MS)
    if (purged.length > 0) strapi.log.info(`[history] purged ${purged.length} post(s) deleted more than ${config.trashDays} days ago`)
  }
  await purge()
  purger = setInterval(() => void purge().catch((error: Error) => strapi.log.error(`[history] purging the trash failed: ${error.message}`)), DAY_MS / 4).unref()
}

export function stopHistory(): void {
  clearInterval(purger)
}
