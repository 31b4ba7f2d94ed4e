import type { Knex } from '../search/store'

/**
 * Which document each imported item became, by the item's key in its source ("wordpress:example.com:123"), and a
 * hash of what was imported: importing the same export again finds its posts (never duplicates them) and skips
 * those whose source has not changed. A table of its own, outside the content types: nothing public can read it.
 */
const TABLE = 'pressroom_imported_items'

export interface ImportedItem {
  sourceKey: string
  documentId: string
  contentHash: string
}

export async function ensureImportKeys(db: Knex): Promise<void> {
  if (await db.schema.hasTable(TABLE)) return
  await db.schema.createTable(TABLE, (table) => {
    table.string('source_key', 255).primary()
    table.string('document_id', 255).notNullable()
    table.string('content_hash', 64).notNullable()
    table.bigInteger('imported_at').notNullable()
  })
}

/** The items already imported among these keys. */
export async function findImported(db: Knex, sourceKeys: string[]): Promise<Map<string, ImportedItem>> {
  const found = new Map<string, ImportedItem>()
  if (sourceKeys.length === 0) return found
  const rows = await db(TABLE).select('source_key', 'document_id', 'content_hash').whereIn('source_key', sourceKeys) as Array<Record<string, string>>
  for (const row of rows) found.set(row.source_key!, { sourceKey: row.source_key!, documentId: row.document_id!, contentHash: row.content_hash! })
  return found
}

/** Records (or re-records) what these items became. */
export async function recordImported(db: Knex, items: ImportedItem[]): Promise<void> {
  if (items.length === 0) return
  const now = Date.now()
  await db(TABLE)
    .insert(items.map(item => ({ source_key: item.sourceKey, document_id: item.documentId, content_hash: item.contentHash, imported_at: now })))
    .onConflict('source_key')
    .merge(['document_id', 'content_hash', 'imported_at'])
}
