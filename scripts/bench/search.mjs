// The search section of `pnpm bench`: 10,000 published posts on each database, the built CMS with the response
// cache off (so every request reaches the full-text engine), loaded with wrk at concurrency 10 for a common word,
// a rare word and a prefix — beside Strapi's own `containsi` filter over title and excerpt for the same word, from
// the same server (the baseline). Then the same searches with the response cache on, as the public gets a search
// someone made before (until the next publish), beside the same uncached baseline: Strapi has no response cache.
import os from 'node:os'
import { print } from 'graphql'
import { createTestDatabase, startCms } from '../../testing/cms-server.ts'
import { ListPostsDocument, SearchPostsDocument } from '../../packages/sdk/dist/generated/graphql.js'
import { ms, perSecond, table, verdict } from './report.mjs'
import { seedDatabase } from './seed.mjs'
import { measureSearchEngine } from './search-engine.mjs'
import { wrk } from './wrk.mjs'

export const SEARCH_POSTS = 10_000
const CONCURRENCY = 10
const TARGETS = { p95: 30, speedup: 10 }
const QUERIES = { 'common word ("patent")': 'patent', 'rare word ("squatters")': 'squatters', 'prefix ("manufac")': 'manufac' }

// The baseline asks for the same post fields as a search hit (the sdk's ListPosts, PostSummary fragment), so the
// two differ only in how they find posts: Strapi's own `containsi` over title and excerpt (the body is a JSON
// blocks field, which Strapi's filters cannot search), newest first.
const baselineVariables = q => ({ filters: { or: [{ title: { containsi: q } }, { excerpt: { containsi: q } }] }, page: 1, pageSize: 10 })

const body = (query, variables) => JSON.stringify({ query, variables })
const searchBody = q => body(print(SearchPostsDocument), { query: q, page: 1, pageSize: 10 })
const targets = (p95, speedup) => `p95 ≤ ${TARGETS.p95} ms: ${verdict(p95 <= TARGETS.p95)}; ≥ ${TARGETS.speedup}×: ${verdict(speedup >= TARGETS.speedup)}`

export async function benchSearch({ seconds, log }) {
  const database = await createTestDatabase()
  try {
    log(`seeding ${SEARCH_POSTS} posts into a scratch ${database.kind} database (several minutes)`)
    await seedDatabase(database, ['--demo', '--synthetic', String(SEARCH_POSTS)])
    log('the engine alone: the search SQL and the containsi SQL, one query at a time')
    const engine = await measureSearchEngine(database.env, QUERIES)
    const cms = await startCms({ ...database.env, GRAPHQL_CACHE: 'false' })
    try {
      const url = `${cms.url}/graphql`
      const rows = []
      for (const [name, q] of Object.entries(QUERIES)) {
        log(`searching for the ${name}, then the containsi baseline`)
        const search = await wrk({ url, connections: CONCURRENCY, seconds, body: searchBody(q) })
        const baseline = await wrk({ url, connections: CONCURRENCY, seconds, body: body(print(ListPostsDocument), baselineVariables(q)) })
        rows.push({ name, search, baseline })
      }
      // The floor: the cheapest query the same uncached server can answer. No GraphQL query, search or not, can
      // be faster than this on this machine.
      log('the floor: a trivial GraphQL query on the same server')
      const floor = await wrk({ url, connections: CONCURRENCY, seconds, body: body('{ __typename }', {}) })
      await cms.stop()
      const cachedCms = await startCms(database.env)
      try {
        for (const row of rows) {
          log(`the ${row.name} again, response cache on`)
          row.cached = await wrk({ url: `${cachedCms.url}/graphql`, connections: CONCURRENCY, seconds, body: searchBody(QUERIES[row.name]) })
        }
      }
      finally {
        await cachedCms.stop()
      }
      console.log(table(
        `Search on ${database.kind}: ${SEARCH_POSTS + 9} published posts, response cache off, wrk with ${CONCURRENCY} connections, ${seconds} s each`,
        ['query', 'searchPosts', 'p50', 'p95', 'baseline containsi', 'p50', 'p95', 'speed-up (throughput)', 'target'],
        rows.map(({ name, search, baseline }) => {
          const speedup = search.rps / baseline.rps
          return [name, perSecond(search.rps), ms(search.p50), ms(search.p95), perSecond(baseline.rps), ms(baseline.p50), ms(baseline.p95), `${speedup.toFixed(1)}×`,
            targets(search.p95, speedup)]
        }).concat([
          ['floor: `{ __typename }`, same server', perSecond(floor.rps), ms(floor.p50), ms(floor.p95), '—', '—', '—', '—', '—'],
        ]),
      ))
      console.log(table(
        `Search on ${database.kind}, response cache on (a search someone made before, until the next publish), beside the uncached baseline`,
        ['query', 'searchPosts, cached', 'p50', 'p95', 'speed-up over containsi', 'target'],
        rows.map(({ name, baseline, cached }) => {
          const speedup = cached.rps / baseline.rps
          return [name, perSecond(cached.rps), ms(cached.p50), ms(cached.p95), `${speedup.toFixed(1)}×`, targets(cached.p95, speedup)]
        }),
      ))
      // Little's law: with CONCURRENCY requests always in flight, mean latency = CONCURRENCY / throughput. SQLite
      // runs in the CMS's one JavaScript thread; PostgreSQL's backends can use every core. So no uncached server
      // on this machine can average less than CONCURRENCY × (the engine's own time) / (cores it can use).
      const engineCores = database.kind === 'sqlite' ? 1 : os.cpus().length
      console.log(table(
        `Search engine alone on ${database.kind}: the SQL only, one query at a time, ${SEARCH_POSTS + 9} posts`,
        ['query', 'full-text SQL p50', 'p95', 'containsi SQL p50', 'p95', 'speed-up (p50)', `least mean latency uncached at c=${CONCURRENCY}`],
        Object.entries(engine).map(([name, { engine: e, baseline: b }]) => [name, ms(e.p50), ms(e.p95), ms(b.p50), ms(b.p95), `${(b.p50 / e.p50).toFixed(1)}×`,
          ms((CONCURRENCY * e.p50) / engineCores)]),
      ))
      return { database: database.kind, posts: SEARCH_POSTS + 9, concurrency: CONCURRENCY, seconds, rows, floor, engine }
    }
    finally {
      await cms.stop()
    }
  }
  finally {
    await database.drop()
  }
}
