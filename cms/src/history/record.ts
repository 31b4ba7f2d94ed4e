import type { Core, Modules } from '@strapi/strapi'
import type { Knex } from '../search/store'
import { currentActor, currentNote } from './actor'
import type { HistoryConfig } from './config'
import { DAY_MS } from './config'
import type { PostSnapshot } from './snapshot'
import { POST, snapshotHash, takeSnapshot } from './snapshot'
import type { VersionStatus } from './store'
import { addVersion, newestVersion, pruneVersions, putInTrash } from './store'

const SAVES = new Set(['create', 'update', 'publish', 'discardDraft'])

/**
 * History's reads and writes join the editor's transaction when there is one (SQLite has a single connection), in
 * a savepoint of their own: a failure there is rolled back alone, never the editor's save.
 */
async function inSavepoint(strapi: Core.Strapi, work: (db: Knex) => Promise<void>): Promise<void> {
  await strapi.db.transaction(async ({ trx }) => {
    await (trx as unknown as Knex).transaction(async savepoint => work(savepoint as unknown as Knex))
  })
}

async function addSnapshot(db: Knex, strapi: Core.Strapi, documentId: string, snapshot: PostSnapshot, status: VersionStatus): Promise<void> {
  await addVersion(db, { documentId, createdAt: Date.now(), actor: currentActor(strapi), status, hash: snapshotHash(snapshot), note: currentNote(), snapshot: JSON.stringify(snapshot) })
}

/**
 * A version for a save, unless nothing changed: a draft save whose content equals the newest version's adds none;
 * a publish adds one unless the newest version is already that content, published; a restore always adds one. Then the oldest versions past
 * the bound are pruned (never the newest).
 */
export async function recordVersion(strapi: Core.Strapi, config: HistoryConfig, documentId: string, status: 'draft' | 'published'): Promise<void> {
  const snapshot = await takeSnapshot(strapi, documentId, status)
  if (!snapshot) return
  const hash = snapshotHash(snapshot)
  await inSavepoint(strapi, async (db) => {
    const newest = await newestVersion(db, documentId)
    // A restore (it carries a note) or a post back from the trash is always worth a version.
    const unchanged = newest?.hash === hash && newest.status !== 'deleted' && (status === 'draft' || newest.status === 'published')
    if (unchanged && !currentNote()) return
    await addSnapshot(db, strapi, documentId, snapshot, status)
    await pruneVersions(db, documentId, config.keepVersions, Date.now() - config.keepDays * DAY_MS)
  })
}

/**
 * Every save of a post — in the admin, by an import, by the scheduler — keeps a version; a delete keeps the last
 * one and puts the post in the trash, in the delete's own transaction. Recording never fails the editor's save.
 */
export function keepHistory(strapi: Core.Strapi, config: HistoryConfig): Modules.Documents.Middleware.Middleware {
  return async (ctx, next) => {
    if (!config.enabled || ctx.uid !== POST) return next()
    const documentId = (ctx.params as { documentId?: string }).documentId

    if (ctx.action === 'delete' && documentId) {
      return strapi.db.transaction(async ({ trx }) => {
        const draft = await takeSnapshot(strapi, documentId, 'draft')
        if (draft) {
          const db = trx as unknown as Knex
          const wasPublished = (await takeSnapshot(strapi, documentId, 'published')) !== null
          await addSnapshot(db, strapi, documentId, draft, 'deleted')
          await putInTrash(db, { documentId, title: draft.title, slug: draft.slug, deletedAt: Date.now(), actor: currentActor(strapi), wasPublished })
        }
        return next()
      })
    }

    const result = await next()
    if (SAVES.has(ctx.action)) {
      const saved = documentId ?? (result as { documentId?: string } | null)?.documentId
      if (saved) {
        await recordVersion(strapi, config, saved, ctx.action === 'publish' ? 'published' : 'draft')
          .catch((error: unknown) => strapi.log.error(`[history] could not keep a version of ${saved}: ${(error as Error).message}`))
      }
    }
    return result
  }
}
