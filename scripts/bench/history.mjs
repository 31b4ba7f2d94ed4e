// The history section of `pnpm bench`: what keeping a version of every save costs an editor — the admin's save
// request, p50/p95 over 50 saves of the same demo post, with history off (the baseline) and on, on the same database
// — and how much the database grows per 1,000 saves.
import { statSync } from 'node:fs'
import { adminApi, POSTS } from '../../testing/admin-api.ts'
import { createTestDatabase, startCms } from '../../testing/cms-server.ts'
import { ms, percentile, table, verdict } from './report.mjs'
import { seedDatabase } from './seed.mjs'

const SAVES = 50
const GROWTH_SAVES = 1_000
const TARGET_ADDED_P50_MS = 10
const POST_SLUG = 'protecting-your-idea-before-you-talk-to-manufacturers'

/** Saves the post `count` times through the admin API, each save a real change; returns each request's latency. */
async function save(cmsUrl, label, count) {
  const editor = adminApi(cmsUrl)
  const found = await editor('GET', `${POSTS}?filters[slug][$eq]=${POST_SLUG}`)
  const { documentId } = found.body.results[0]
  // The form as the admin sends it (the status is the admin's to show, not part of what is saved).
  const { status: _status, ...form } = (await editor('GET', `${POSTS}/${documentId}`)).body.data
  const latencies = []
  for (let i = 0; i < count; i += 1) {
    const started = performance.now()
    const saved = await editor('PUT', `${POSTS}/${documentId}`, { ...form, excerpt: `Saved by the benchmark (${label} ${i}).` })
    if (saved.status !== 200) throw new Error(`A save failed: ${saved.status} ${JSON.stringify(saved.body)}`)
    latencies.push(performance.now() - started)
  }
  return latencies
}

/** Bytes the history takes: the versions table on PostgreSQL, the whole file on SQLite (measured as it grows). */
async function historyBytes(database) {
  if (database.kind === 'sqlite') return statSync(database.env.DATABASE_FILENAME).size
  const { default: pg } = await import('pg')
  const client = new pg.Client({ connectionString: database.env.DATABASE_URL })
  await client.connect()
  try {
    const { rows } = await client.query(`SELECT pg_total_relation_size('"${database.env.DATABASE_SCHEMA}".pressroom_post_versions') AS bytes`)
    return Number(rows[0].bytes)
  }
  finally {
    await client.end()
  }
}

export async function benchHistory({ log }) {
  const database = await createTestDatabase()
  try {
    log(`seeding the demo blog into a scratch ${database.kind} database`)
    await seedDatabase(database, ['--demo'])

    log(`${SAVES} saves of one post with history off (baseline)`)
    let cms = await startCms({ ...database.env, HISTORY: 'false' })
    const without = await save(cms.url, 'off', SAVES).finally(() => cms.stop())

    log(`${SAVES} saves of the same post with history on, then ${GROWTH_SAVES} more to measure the growth`)
    cms = await startCms(database.env)
    let growth
    const withHistory = await save(cms.url, 'on', SAVES)
    try {
      const before = await historyBytes(database)
      await save(cms.url, 'growth', GROWTH_SAVES)
      growth = (await historyBytes(database)) - before
    }
    finally {
      await cms.stop()
    }

    const stats = values => ({ p50: percentile(values, 50), p95: percentile(values, 95) })
    const results = { database: database.kind, saves: SAVES, without: stats(without), with: stats(withHistory), growthBytesPer1000Saves: growth }
    const added = results.with.p50 - results.without.p50
    console.log(table(
      `Post history on ${database.kind}: the admin's save request, ${SAVES} saves of one demo post each (same machine)`,
      ['measured', 'p50', 'p95', 'target'],
      [
        ['baseline: save, history off', ms(results.without.p50), ms(results.without.p95), '—'],
        ['save, history on (a version kept)', ms(results.with.p50), ms(results.with.p95), `≤ ${TARGET_ADDED_P50_MS} ms added at p50 (${added.toFixed(1)} ms): ${verdict(added <= TARGET_ADDED_P50_MS)}`],
        [`database growth per ${GROWTH_SAVES} saves`, `${(growth / 1024 / 1024).toFixed(2)} MB`, '—', database.kind === 'sqlite' ? 'the whole file' : 'the versions table'],
      ],
    ))
    return results
  }
  finally {
    await database.drop()
  }
}
