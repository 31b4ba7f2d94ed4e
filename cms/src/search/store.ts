import type { Core } from '@strapi/strapi'
import type { SearchTerm } from './query'
import { toFts5Match, toTsQuery } from './query'

/** A connection or a transaction: writes run in the editor's transaction (SQLite has a single connection). */
export type Knex = Core.Strapi['db']['connection']

/** One published post as the index holds it (text already folded by foldForSearch). */
export interface IndexedPost {
  documentId: string
  title: string
  excerpt: string
  names: string
  body: string
  categorySlugs: string[]
}

export interface SearchPage {
  hits: Array<{ documentId: string, rank: number }>
  total: number
}

/**
 * The index in the database's own full-text engine. Title weighs most, then excerpt, then author and category
 * names, then the body; both engines stem English words the same way (Porter / Snowball).
 */
export interface SearchStore {
  ensure(db: Knex): Promise<void>
  count(db: Knex): Promise<number>
  upsert(db: Knex, post: IndexedPost): Promise<void>
  remove(db: Knex, documentId: string): Promise<void>
  clear(db: Knex): Promise<void>
  search(db: Knex, terms: SearchTerm[], options: { category?: string, limit: number, offset: number }): Promise<SearchPage>
}

const TABLE = 'pressroom_post_search'

/**
 * How many matches of one search are ranked at most: a word found in most of 100,000 posts says little about
 * which is the best, and scoring every match is most of what searching for it cost on SQLite (89 ms, 39 ms with this
 * bound, measured) and a large part on PostgreSQL (ts_rank reads each match's whole vector). Past
 * this many, the newest matches — by when each post was first indexed, which is publishing (or import) order — are
 * ranked, as Ghost's search keeps to its newest 10,000 posts. The total stays exact, and a page beyond them ranks every match.
 */
export const RANKED_MATCHES = 2_000

/**
 * SQLite: an FTS5 table, ranked by bm25 with per-column weights. FTS5 can find a row fast only by its rowid, so
 * a plain table gives each post a stable rowid: deleting by the unindexed document_id column scanned the whole
 * index (2.5 ms per write at 3,000 posts, growing with every post).
 */
function sqliteStore(rankedMatches: number): SearchStore {
  const ROWS = `${TABLE}_rows`
  const rowOf = async (db: Knex, documentId: string): Promise<number | undefined> => {
    const [row] = await db.raw(`SELECT id FROM ${ROWS} WHERE document_id = ?`, [documentId]) as Array<{ id: number }>
    return row?.id
  }
  return {
    async ensure(db) {
      await db.raw(`CREATE VIRTUAL TABLE IF NOT EXISTS ${TABLE} USING fts5(
        document_id UNINDEXED, categories UNINDEXED, title, excerpt, names, body,
        tokenize = 'porter unicode61 remove_diacritics 2')`)
      await db.raw(`CREATE TABLE IF NOT EXISTS ${ROWS} (id INTEGER PRIMARY KEY, document_id varchar(255) NOT NULL UNIQUE)`)
      // An index written before the rowid table existed is emptied here, and rebuilt at boot.
      const [rows] = await db.raw(`SELECT count(*) AS n FROM ${ROWS}`)
      if (Number(rows.n) === 0) await db.raw(`DELETE FROM ${TABLE}`)
    },
    async count(db) {
      const [row] = await db.raw(`SELECT count(*) AS n FROM ${TABLE}`)
      return Number(row.n)
    },
    async upsert(db, post) {
      await db.raw(`INSERT INTO ${ROWS} (document_id) VALUES (?) ON CONFLICT (document_id) DO NOTHING`, [post.documentId])
      const id = await rowOf(db, post.documentId)
      await db.raw(`DELETE FROM ${TABLE} WHERE rowid = ?`, [id])
      await db.raw(`INSERT INTO ${TABLE} (rowid, document_id, categories, title, excerpt, names, body) VALUES (?, ?, ?, ?, ?, ?, ?)`,
        [id, post.documentId, ` ${post.categorySlugs.join(' ')} `, post.title, post.excerpt, post.names, post.body])
    },
    async remove(db, documentId) {
      const id = await rowOf(db, documentId)
      if (id === undefined) return
      await db.raw(`DELETE FROM ${TABLE} WHERE rowid = ?`, [id])
      await db.raw(`DELETE FROM ${ROWS} WHERE id = ?`, [id])
    },
    async clear(db) {
      await db.raw(`DELETE FROM ${TABLE}`)
      await db.raw(`DELETE FROM ${ROWS}`)
    },
    async search(db, terms, { category, limit, offset }) {
      const where = `${TABLE} MATCH ?${category ? ' AND categories LIKE ?' : ''}`
      const params = [toFts5Match(terms), ...(category ? [`% ${category} %`] : [])]
      const [counted] = await db.raw(`SELECT count(*) AS n FROM ${TABLE} WHERE ${where}`, params)
      const total = Number(counted.n)
      // A word in most posts: only the newest `rankedMatches` are ranked (see RANKED_MATCHES), unless the page asked
      // for lies beyond them. FTS5 walks a word's rowids newest first without ranking, so the cut-off is cheap.
      let newest = ''
      const newestParams: unknown[] = []
      if (total > rankedMatches && offset + limit <= rankedMatches) {
        const [cutoff] = await db.raw(`SELECT rowid FROM ${TABLE} WHERE ${where} ORDER BY rowid DESC LIMIT 1 OFFSET ?`, [...params, rankedMatches - 1]) as Array<{ rowid: number }>
        if (cutoff) {
          newest = ' AND rowid >= ?'
          newestParams.push(cutoff.rowid)
        }
      }
      // Ranks by rowid, and reads document_id only for the page's rows: selecting a stored column for every match
      // makes FTS5 read every matching row's content (2.4× slower for a word in every post).
      const ranked = await db.raw(`SELECT rowid, bm25(${TABLE}, 0, 0, 10.0, 4.0, 2.0, 1.0) AS score FROM ${TABLE} WHERE ${where}${newest} ORDER BY score, rowid LIMIT ? OFFSET ?`, [...params, ...newestParams, limit, offset]) as Array<{ rowid: number, score: number }>
      const ids = ranked.length === 0 ? [] : await db.raw(`SELECT rowid, document_id FROM ${TABLE} WHERE rowid IN (${ranked.map(() => '?').join(', ')})`, ranked.map(row => row.rowid)) as Array<{ rowid: number, document_id: string }>
      const documentIdOf = new Map(ids.map(row => [row.rowid, row.document_id]))
      // bm25 is lower-is-better and negative; the API reports higher-is-better.
      return { total, hits: ranked.map(row => ({ documentId: documentIdOf.get(row.rowid)!, rank: -row.score })) }
    },
  }
}

/**
 * PostgreSQL: one weighted tsvector per post with a GIN index, ranked by ts_rank. The table holds only what
 * searching reads (the vector, computed on insert) — not the text: with the text in the rows, counting and ranking
 * a word found in 10,000 posts visited 8× more pages (83 ms → 10 ms for the count, measured).
 */
function postgresStore(rankedMatches: number): SearchStore {
  const VECTOR = `setweight(to_tsvector('english', ?), 'A') || setweight(to_tsvector('english', ?), 'B')
    || setweight(to_tsvector('english', ?), 'C') || setweight(to_tsvector('english', ?), 'D')`
  return {
    async ensure(db) {
      await db.raw(`CREATE TABLE IF NOT EXISTS ${TABLE} (
        document_id varchar(255) PRIMARY KEY,
        categories text[] NOT NULL DEFAULT '{}',
        document tsvector NOT NULL)`)
      // When each post was first indexed, for ranking only the newest matches of a very common word (RANKED_MATCHES).
      await db.raw(`ALTER TABLE ${TABLE} ADD COLUMN IF NOT EXISTS seq bigserial`)
      await db.raw(`CREATE INDEX IF NOT EXISTS ${TABLE}_seq ON ${TABLE} (seq)`)
      // fastupdate off: new entries go straight into the index instead of a pending list that every search scans
      // until a vacuum (a rare word took 6 ms at 10,000 freshly published posts, 0.3 ms once flushed).
      await db.raw(`CREATE INDEX IF NOT EXISTS ${TABLE}_document ON ${TABLE} USING gin (document) WITH (fastupdate = off)`)
      await db.raw(`ALTER INDEX ${TABLE}_document SET (fastupdate = off)`)
      await db.raw(`SELECT gin_clean_pending_list(?::regclass)`, [`${TABLE}_document`])
    },
    async count(db) {
      const result = await db.raw(`SELECT count(*) AS n FROM ${TABLE}`)
      return Number(result.rows[0].n)
    },
    async upsert(db, post) {
      await db.raw(`INSERT INTO ${TABLE} (document_id, categories, document) VALUES (?, ?, ${VECTOR})
        ON CONFLICT (document_id) DO UPDATE SET categories = excluded.categories, document = excluded.document`,
      [post.documentId, post.categorySlugs, post.title, post.excerpt, post.names, post.body])
    },
    async remove(db, documentId) {
      await db.raw(`DELETE FROM ${TABLE} WHERE document_id = ?`, [documentId])
    },
    async clear(db) {
      await db.raw(`DELETE FROM ${TABLE}`)
    },
    async search(db, terms, { category, limit, offset }) {
      const where = `document @@ to_tsquery('english', ?)${category ? ' AND ? = ANY(categories)' : ''}`
      const query = toTsQuery(terms)
      const params = [query, ...(category ? [category] : [])]
      // The planner prices `@@` as cheap and scans the whole table for a word in most rows, reading every vector
      // (1.5 s for 100,000 matches); the GIN index's bitmap counts them in 30 ms. So the search's statements run with
      // sequential scans off, in a transaction of their own.
      return db.transaction(async (trx) => {
        await trx.raw('SET LOCAL enable_seqscan = off')
        const counted = await trx.raw(`SELECT count(*) AS n FROM ${TABLE} WHERE ${where}`, params)
        const total = Number(counted.rows[0].n)
        const rank = `ts_rank('{0.1, 0.2, 0.4, 1.0}', document, to_tsquery('english', ?)) AS rank`
        // As on SQLite: past `rankedMatches`, the first pages rank only the newest matches (ts_rank reads every
        // match's whole vector; the newest 2,000 of 100,000 took 29 ms).
        const rows = total > rankedMatches && offset + limit <= rankedMatches
          ? await trx.raw(`SELECT document_id, ${rank} FROM (SELECT document_id, document FROM ${TABLE} WHERE ${where} ORDER BY seq DESC LIMIT ?) AS newest
              ORDER BY rank DESC, document_id LIMIT ? OFFSET ?`, [query, ...params, rankedMatches, limit, offset])
          : await trx.raw(`SELECT document_id, ${rank} FROM ${TABLE} WHERE ${where} ORDER BY rank DESC, document_id LIMIT ? OFFSET ?`, [query, ...params, limit, offset])
        return { total, hits: rows.rows.map((row: { document_id: string, rank: number }) => ({ documentId: row.document_id, rank: Number(row.rank) })) }
      }) as Promise<SearchPage>
    },
  }
}

export function searchStore(client: string, { rankedMatches = RANKED_MATCHES } = {}): SearchStore {
  return client === 'postgres' ? postgresStore(rankedMatches) : sqliteStore(rankedMatches)
}
