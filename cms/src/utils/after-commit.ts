import type { Core } from '@strapi/strapi'

/**
 * Runs `effect` once the current database write is committed — at once (and awaited) when no transaction is open.
 * Effects that tell the outside world (the site, caches, the scheduler) must not fire before the change is visible.
 */
export async function afterCommit(strapi: Core.Strapi, effect: () => unknown): Promise<void> {
  if (!strapi.db.inTransaction()) {
    await effect()
    return
  }
  // A nested transaction call shares the outer one's commit callbacks.
  await strapi.db.transaction(async ({ onCommit }) => onCommit(() => void effect()))
}
