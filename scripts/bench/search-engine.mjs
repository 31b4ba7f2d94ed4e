// The search engine alone, without Strapi: the SQL `searchPosts` runs (the CMS's own store code: count, ranked
// page, document ids) beside the SQL Strapi's `containsi` filter runs (count and newest page of posts whose title or
// excerpt contains the word), one query at a time on the same database. It shows what the full-text index buys
// before any GraphQL work is added on top.
import { createRequire } from 'node:module'
import path from 'node:path'
import { CMS_DIR } from '../../testing/cms-server.ts'
import { percentile } from './report.mjs'

const ITERATIONS = 40
const WARMUP = 3

/** Knex as Strapi itself loads it (a dependency of @strapi/database, not of the project). */
function loadKnex() {
  let require = createRequire(path.join(CMS_DIR, 'package.json'))
  for (const name of ['@strapi/strapi', '@strapi/core', '@strapi/database']) require = createRequire(require.resolve(name))
  return require('knex')
}

function connect(env) {
  const knex = loadKnex()
  if (env.DATABASE_CLIENT === 'postgres')
    return knex({ client: 'pg', connection: env.DATABASE_URL, searchPath: [env.DATABASE_SCHEMA], pool: { min: 1, max: 1 } })
  return knex({ client: 'better-sqlite3', connection: { filename: env.DATABASE_FILENAME }, useNullAsDefault: true })
}

/** What Strapi's `{ or: [{ title: { containsi } }, { excerpt: { containsi } }] }` amounts to: a scan of published rows. */
async function containsi(db, word, postgres) {
  const pattern = `%${word}%`
  const where = postgres
    ? 'published_at IS NOT NULL AND (title ILIKE ? OR excerpt ILIKE ?)'
    : 'published_at IS NOT NULL AND (LOWER(title) LIKE LOWER(?) OR LOWER(excerpt) LIKE LOWER(?))'
  await db.raw(`SELECT count(*) AS n FROM posts WHERE ${where}`, [pattern, pattern])
  await db.raw(`SELECT document_id FROM posts WHERE ${where} ORDER BY date DESC, published_at DESC LIMIT 10`, [pattern, pattern])
}

async function timed(run) {
  for (let i = 0; i < WARMUP; i += 1) await run()
  const times = []
  for (let i = 0; i < ITERATIONS; i += 1) {
    const started = performance.now()
    await run()
    times.push(performance.now() - started)
  }
  return { p50: percentile(times, 50), p95: percentile(times, 95) }
}

/** p50/p95 of the engine's SQL and the baseline's SQL for each query, in milliseconds. */
export async function measureSearchEngine(env, queries) {
  const require = createRequire(path.join(CMS_DIR, 'package.json'))
  const { searchStore } = require(path.join(CMS_DIR, 'dist', 'src', 'search', 'store.js'))
  const { parseSearchQuery } = require(path.join(CMS_DIR, 'dist', 'src', 'search', 'query.js'))
  const postgres = env.DATABASE_CLIENT === 'postgres'
  const store = searchStore(postgres ? 'postgres' : 'sqlite')
  const db = connect(env)
  try {
    const rows = {}
    for (const [name, word] of Object.entries(queries)) {
      const terms = parseSearchQuery(word)
      rows[name] = {
        engine: await timed(() => store.search(db, terms, { limit: 10, offset: 0 })),
        baseline: await timed(() => containsi(db, word, postgres)),
      }
    }
    return rows
  }
  finally {
    await db.destroy()
  }
}
