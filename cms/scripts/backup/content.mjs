// What a database holds, counted in SQL on Strapi's tables (a backup copy or a restore target need no CMS running).
// Strapi 5 keeps a draft and a published row per document, so documents are counted by document_id.

/** Table → what it counts. Missing tables count 0 (a database the CMS has never started on). */
const COUNTED = {
  posts: { table: 'posts', documents: true },
  authors: { table: 'authors', documents: true },
  categories: { table: 'categories', documents: true },
  mediaFiles: { table: 'files', documents: true },
  adminUsers: { table: 'admin_users', documents: false },
}

/**
 * @param {(sql: string) => Promise<Array<Record<string, unknown>>>} query runs SQL on the database (and schema)
 * @param {Set<string>} tables the tables that exist there
 * @returns {Promise<{ posts: number, authors: number, categories: number, mediaFiles: number, adminUsers: number }>}
 */
export async function countContent(query, tables) {
  const counts = {}
  for (const [name, { table, documents }] of Object.entries(COUNTED)) {
    if (!tables.has(table)) {
      counts[name] = 0
      continue
    }
    const [row] = await query(`SELECT COUNT(${documents ? 'DISTINCT document_id' : '*'}) AS n FROM "${table}"`)
    counts[name] = Number(row?.n ?? 0)
  }
  return counts
}

/** The refusal rule: a database "has content" when it holds any post, author, category, media file or admin user. */
export function hasContent(counts) {
  return Object.values(counts).some(count => count > 0)
}
