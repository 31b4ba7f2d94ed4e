import type { Knex } from '../search/store'
import { insertInChunks } from '../utils/insert-in-chunks'

/**
 * Post history lives in tables of its own, outside every content type: nothing in the public REST or GraphQL API
 * can reach it. A version is a JSON snapshot of what an editor sees (see snapshot.ts) with who saved it and when.
 * A deleted post keeps its versions and gets a row in the trash until it is restored or purged.
 */
const VERSIONS = 'pressroom_post_versions'
const TRASH = 'pressroom_post_trash'

export type VersionStatus = 'draft' | 'published' | 'deleted'

export interface VersionRow {
  id: number
  documentId: string
  createdAt: number
  actor: string
  status: VersionStatus
  hash: string
  note: string | null
}

export interface TrashRow {
  documentId: string
  title: string
  slug: string
  deletedAt: number
  actor: string
  wasPublished: boolean
}

export async function ensureHistoryTables(db: Knex): Promise<void> {
  if (!(await db.schema.hasTable(VERSIONS))) {
    await db.schema.createTable(VERSIONS, (table) => {
      table.increments('id')
      table.string('document_id', 255).notNullable()
      table.bigInteger('created_at').notNullable()
      table.string('actor', 255).notNullable()
      table.string('status', 16).notNullable()
      table.string('hash', 64).notNullable()
      table.string('note', 500)
      table.text('snapshot').notNullable()
      table.index(['document_id', 'id'], `${VERSIONS}_document`)
    })
  }
  if (!(await db.schema.hasTable(TRASH))) {
    await db.schema.createTable(TRASH, (table) => {
      table.string('document_id', 255).primary()
      table.string('title', 255).notNullable()
      table.string('slug', 255).notNullable()
      table.bigInteger('deleted_at').notNullable()
      table.string('actor', 255).notNullable()
      table.boolean('was_published').notNullable()
    })
  }
}

const toVersion = (row: Record<string, unknown>): VersionRow => ({
  id: Number(row.id),
  documentId: String(row.document_id),
  createdAt: Number(row.created_at),
  actor: String(row.actor),
  status: row.status as VersionStatus,
  hash: String(row.hash),
  note: (row.note as string | null) ?? null,
})

const LISTED = ['id', 'document_id', 'created_at', 'actor', 'status', 'hash', 'note']

export async function newestVersion(db: Knex, documentId: string): Promise<VersionRow | null> {
  const row = await db(VERSIONS).where({ document_id: documentId }).orderBy('id', 'desc').first(LISTED)
  return row ? toVersion(row) : null
}

export async function listVersions(db: Knex, documentId: string, limit: number): Promise<VersionRow[]> {
  const rows = await db(VERSIONS).where({ document_id: documentId }).orderBy('id', 'desc').limit(limit).select(LISTED)
  return rows.map(toVersion)
}

export async function countVersions(db: Knex, documentId: string): Promise<number> {
  const [row] = await db(VERSIONS).where({ document_id: documentId }).count({ count: '*' })
  return Number(row?.count ?? 0)
}

export async function readVersion(db: Knex, documentId: string, id: number): Promise<(VersionRow & { snapshot: string }) | null> {
  const row = await db(VERSIONS).where({ document_id: documentId, id }).first([...LISTED, 'snapshot'])
  return row ? { ...toVersion(row), snapshot: String(row.snapshot) } : null
}

export type NewVersion = Omit<VersionRow, 'id'> & { snapshot: string }

export async function addVersion(db: Knex, version: NewVersion): Promise<void> {
  await addVersions(db, [version])
}

/** Many versions at once (an import's first versions). */
export async function addVersions(db: Knex, versions: NewVersion[]): Promise<void> {
  const rows = versions.map(version => ({
    document_id: version.documentId,
    created_at: version.createdAt,
    actor: version.actor.slice(0, 255),
    status: version.status,
    hash: version.hash,
    note: version.note?.slice(0, 500) ?? null,
    snapshot: version.snapshot,
  }))
  await insertInChunks(db, VERSIONS, rows)
}

/** Bounded history: a post keeps its newest `keep` versions, and every version younger than `since`. */
export async function pruneVersions(db: Knex, documentId: string, keep: number, since: number): Promise<number> {
  const newest = db(VERSIONS).where({ document_id: documentId }).orderBy('id', 'desc').limit(keep).select('id')
  return Number(await db(VERSIONS).where({ document_id: documentId }).where('created_at', '<', since).whereNotIn('id', db.select('id').from(newest.as('newest'))).delete())
}

export async function putInTrash(db: Knex, row: TrashRow): Promise<void> {
  await db(TRASH).insert({ document_id: row.documentId, title: row.title.slice(0, 255), slug: row.slug, deleted_at: row.deletedAt, actor: row.actor.slice(0, 255), was_published: row.wasPublished })
    .onConflict('document_id').merge()
}

export async function listTrash(db: Knex): Promise<TrashRow[]> {
  const rows = await db(TRASH).orderBy('deleted_at', 'desc').select('*')
  return rows.map((row: Record<string, unknown>) => ({ documentId: String(row.document_id), title: String(row.title), slug: String(row.slug), deletedAt: Number(row.deleted_at), actor: String(row.actor), wasPublished: Boolean(row.was_published) }))
}

export async function takeOutOfTrash(db: Knex, documentId: string): Promise<boolean> {
  return Number(await db(TRASH).where({ document_id: documentId }).delete()) > 0
}

/** Deleted posts older than `before` go for good, with their versions. */
export async function purgeTrash(db: Knex, before: number): Promise<string[]> {
  const expired = (await db(TRASH).where('deleted_at', '<', before).select('document_id')).map((row: { document_id: string }) => row.document_id)
  if (expired.length === 0) return []
  await db(VERSIONS).whereIn('document_id', expired).delete()
  await db(TRASH).whereIn('document_id', expired).delete()
  return expired
}
