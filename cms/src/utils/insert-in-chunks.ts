import type { Knex } from '../search/store'

/** Rows per INSERT statement: well under SQLite's and PostgreSQL's limits on bound values. */
const ROWS_PER_STATEMENT = 200

/** Inserts many rows a few hundred per statement; with `returning`, the inserted rows' columns, in order. */
export async function insertInChunks(db: Knex, table: string, rows: Array<Record<string, unknown>>, returning?: string[]): Promise<Array<Record<string, unknown>>> {
  const returned: Array<Record<string, unknown>> = []
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(start, start + ROWS_PER_STATEMENT)
    if (returning) returned.push(...await db(table).insert(chunk).returning(returning) as Array<Record<string, unknown>>)
    else await db(table).insert(chunk)
  }
  return returned
}
