import type { Core } from '@strapi/strapi'

type Knex = Core.Strapi['db']['connection']

/**
 * The most post paths one `postPaths` request returns: the sitemap protocol's 50,000 URLs per sitemap file, so a
 * site builds one child sitemap from one request.
 */
export const MAX_POST_PATHS = 50_000

/** The most groups one `postPathGroups` request returns (1,000 children of 50,000 posts hold 50 million posts). */
export const MAX_POST_PATH_GROUPS = 1_000

/** Why `postPathGroups(size)` is refused for `total` posts (more than MAX_POST_PATH_GROUPS groups), or undefined. */
export function tooManyGroups(total: number, size: number): string | undefined {
  const groups = Math.ceil(total / size)
  if (groups <= MAX_POST_PATH_GROUPS) return undefined
  const n = (value: number) => value.toLocaleString('en-US')
  return `size ${n(size)} cuts the ${n(total)} published posts into ${n(groups)} groups; at most ${n(MAX_POST_PATH_GROUPS)} are returned: ask for a size of at least ${n(Math.ceil(total / MAX_POST_PATH_GROUPS))}.`
}

/** Published posts' slugs and dates, in two lists of the same order. */
export interface PostPaths {
  slugs: string[]
  dates: Date[]
}

/** Consecutive published posts in `postPaths` order: `count` of them from `offset`, the newest dated `newest`. */
export interface PostPathGroup {
  offset: number
  count: number
  newest: Date
}

/** The index the statements below read (see postPathStore). */
export const POST_PATHS_INDEX = 'pressroom_post_paths_idx'

interface Columns {
  table: string
  slug: string
  date: string
  publishedAt: string
  documentId: string
}

/** The posts table and its columns, from Strapi's own metadata (not hard-coded names). */
function postColumns(strapi: Core.Strapi): Columns {
  const meta = strapi.db.metadata.get('api::post.post')
  const column = (attribute: string) => (meta.attributes[attribute] as { columnName?: string } | undefined)?.columnName ?? attribute
  return { table: meta.tableName, slug: column('slug'), date: column('date'), publishedAt: column('publishedAt'), documentId: column('documentId') }
}

/**
 * A datetime column as the driver returns it → a Date. PostgreSQL's driver gives a Date; Strapi keeps SQLite
 * datetimes as milliseconds since the epoch (an integer; text in rows other writers made).
 */
export function toDate(value: unknown): Date {
  const date = value instanceof Date
    ? value
    : new Date(typeof value === 'number' || (typeof value === 'string' && /^\d+$/.test(value)) ? Number(value) : String(value))
  if (Number.isNaN(date.getTime())) throw new Error(`Unreadable post date in the database: ${String(value)}`)
  return date
}

/**
 * Published posts' slugs and dates, read with lean SQL (no document service, no relations, one statement per call):
 * what a sitemap needs for tens of thousands of posts. Only rows with `published_at` set are read — Strapi keeps a
 * post's draft in a row of its own with `published_at` NULL — so a draft can never appear.
 *
 * The order is stable and oldest first: by date (when empty, the moment of publishing), then documentId. A new post
 * comes last, so the earlier children of a sitemap index keep their content and their `lastmod`, and crawlers need
 * not fetch them again.
 */
/**
 * A partial index of the published rows in the sitemap's order, holding every column its statements read, so they walk
 * it alone and never the rows (whose bodies make the table hundreds of megabytes): 50,000 paths in ~40 ms instead of
 * a ~400 ms scan and sort at 100,000 posts on SQLite. Made at boot (and checked again on a process's first use), with
 * SQL of our own: Strapi's schema sync drops only indexes it made itself. Making it takes about a second at 100,000
 * posts, once per database. Should it fail (two instances racing on PostgreSQL), the statements still answer, only
 * slower, and the next process tries again.
 */
export async function ensurePostPathsIndex(strapi: Core.Strapi): Promise<void> {
  const c = postColumns(strapi)
  try {
    await strapi.db.connection.raw('CREATE INDEX IF NOT EXISTS ?? ON ?? ((COALESCE(??, ??)), ??, ??, ??, ??) WHERE ?? IS NOT NULL',
      [POST_PATHS_INDEX, c.table, c.date, c.publishedAt, c.documentId, c.slug, c.date, c.publishedAt, c.publishedAt])
  }
  catch (error) {
    strapi.log.warn(`[sitemap] could not create the index ${POST_PATHS_INDEX} (post paths are read without it): ${(error as Error).message}`)
  }
}

export function postPathStore(strapi: Core.Strapi) {
  const db = (): Knex => strapi.db.connection
  const ORDER = 'COALESCE(??, ??), ??'
  const orderBindings = (c: Columns) => [c.date, c.publishedAt, c.documentId]

  let prepared: Promise<Columns> | undefined
  const cols = () => (prepared ??= ensurePostPathsIndex(strapi).then(() => postColumns(strapi)))

  return {
    /** How many posts are published. */
    async count(): Promise<number> {
      const c = await cols()
      const row = await db()(c.table).whereNotNull(c.publishedAt).count({ n: '*' }).first() as { n: number | string } | undefined
      return Number(row?.n ?? 0)
    },

    /** `limit` published posts from `offset`, in the stable order. */
    async list(offset: number, limit: number): Promise<PostPaths> {
      const c = await cols()
      const rows = await db()(c.table)
        .select(db().raw('?? AS slug, COALESCE(??, ??) AS date', [c.slug, c.date, c.publishedAt]))
        .whereNotNull(c.publishedAt)
        .orderByRaw(ORDER, orderBindings(c))
        .offset(offset)
        .limit(limit) as Array<{ slug: string, date: unknown }>
      return { slugs: rows.map(row => row.slug), dates: rows.map(row => toDate(row.date)) }
    },

    /** Published posts cut into groups of `size` in the same order, each with its newest date: one statement. */
    async groups(size: number): Promise<PostPathGroup[]> {
      const c = await cols()
      const numbered = db()(c.table)
        .select(db().raw(`COALESCE(??, ??) AS d, ROW_NUMBER() OVER (ORDER BY ${ORDER}) - 1 AS row_index`, [c.date, c.publishedAt, ...orderBindings(c)]))
        .whereNotNull(c.publishedAt)
        .as('numbered')
      // row_index / size divides integers on both databases.
      const rows = await db()
        .select(db().raw('row_index / CAST(? AS INTEGER) AS grp', [size]))
        .count({ count: '*' })
        .max({ newest: 'd' })
        .from(numbered)
        .groupBy('grp')
        .orderBy('grp') as Array<{ grp: number | string, count: number | string, newest: unknown }>
      return rows.map(row => ({ offset: Number(row.grp) * size, count: Number(row.count), newest: toDate(row.newest) }))
    },
  }
}
