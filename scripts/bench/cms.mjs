// The CMS section of `pnpm bench`: a scratch database with the demo content and 1,000 synthetic posts, the
// built CMS in production mode, loads at concurrency 10 of the post-list and post-by-slug queries the sdk
// sends — with the anonymous response cache (as the public gets them) and with it turned off — and, as the
// baseline, a plain REST list of the same 20 posts from the same (uncached) server.
import { print } from 'graphql'
import { createTestDatabase, startCms } from '../../testing/cms-server.ts'
import { ListPostsDocument, PostBySlugDocument } from '../../packages/sdk/dist/generated/graphql.js'
import { measure } from './load.mjs'
import { ms, perSecond, table, verdict } from './report.mjs'
import { seedDatabase } from './seed.mjs'

const SYNTHETIC_POSTS = 1000
const CONCURRENCY = 10
const TARGETS = { listP50: 15, bySlugP50: 10, listQueries: 6 }

function graphqlRequest(cmsUrl, document, variables) {
  return {
    url: `${cmsUrl}/graphql`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: print(document), variables }),
  }
}

const requests = cmsUrl => ({
  list: pageSize => graphqlRequest(cmsUrl, ListPostsDocument, { page: 1, pageSize }),
  bySlug: graphqlRequest(cmsUrl, PostBySlugDocument, { slug: 'synthetic-post-500' }),
  rest: { url: `${cmsUrl}/api/posts?pagination[pageSize]=20&sort=date:desc&populate[0]=author&populate[1]=categories&populate[2]=cover`, method: 'GET', headers: {} },
})

async function sqlQueries(request) {
  const response = await fetch(request.url, { method: request.method, headers: request.headers, body: request.body })
  if (!response.ok) throw new Error(`${request.url} answered ${response.status}: ${(await response.text()).slice(0, 300)}`)
  return Number(response.headers.get('x-sql-queries'))
}

async function withCms(env, fn) {
  const cms = await startCms(env)
  try {
    return await fn(requests(cms.url))
  }
  finally {
    await cms.stop()
  }
}

export async function benchCms({ seconds, log }) {
  const database = await createTestDatabase()
  try {
    log(`seeding ${SYNTHETIC_POSTS} posts into a scratch ${database.kind} database (about a minute)`)
    await seedDatabase(database, ['--demo', '--synthetic', String(SYNTHETIC_POSTS)])
    const load = (title, request) => {
      log(`loading: ${title}`)
      return measure({ ...request, connections: CONCURRENCY, seconds })
    }

    const cached = await withCms(database.env, async r => ({
      list: await load('GraphQL post list, response cache on', r.list(20)),
      bySlug: await load('GraphQL post by slug, response cache on', r.bySlug),
    }))
    const uncached = await withCms({ ...database.env, GRAPHQL_CACHE: 'false' }, async r => ({
      queries: { list10: await sqlQueries(r.list(10)), list20: await sqlQueries(r.list(20)), list100: await sqlQueries(r.list(100)), bySlug: await sqlQueries(r.bySlug), rest: await sqlQueries(r.rest) },
      list: await load('GraphQL post list, cache off', r.list(20)),
      bySlug: await load('GraphQL post by slug, cache off', r.bySlug),
      rest: await load('REST list (baseline), no cache', r.rest),
    }))

    const { queries } = uncached
    const results = { database: database.kind, posts: SYNTHETIC_POSTS + 9, concurrency: CONCURRENCY, seconds, queries, cached, uncached }
    const row = (name, measured, sql, target) => [name, perSecond(measured.rps), ms(measured.p50), ms(measured.p99), sql, measured.errors, target]
    console.log(table(
      `CMS on ${database.kind}: ${results.posts} published posts, concurrency ${CONCURRENCY}, ${seconds} s each (autocannon, same machine)`,
      ['request', 'throughput', 'p50', 'p99', 'SQL/request', 'errors', 'target'],
      [
        row('GraphQL post list (20 + author, categories, cover), cache on', cached.list, 0, `p50 ≤ ${TARGETS.listP50} ms: ${verdict(cached.list.p50 <= TARGETS.listP50)}`),
        row('GraphQL post by slug, cache on', cached.bySlug, 0, `p50 ≤ ${TARGETS.bySlugP50} ms: ${verdict(cached.bySlug.p50 <= TARGETS.bySlugP50)}`),
        row('GraphQL post list (20), cache off', uncached.list, queries.list20, `p50 ≤ ${TARGETS.listP50} ms: ${verdict(uncached.list.p50 <= TARGETS.listP50)}`),
        row('GraphQL post by slug, cache off', uncached.bySlug, queries.bySlug, `p50 ≤ ${TARGETS.bySlugP50} ms: ${verdict(uncached.bySlug.p50 <= TARGETS.bySlugP50)}`),
        row('baseline: REST list, same 20 posts populated', uncached.rest, queries.rest, '—'),
      ],
    ))
    const independent = queries.list10 === queries.list20 && queries.list20 === queries.list100
    console.log(`\nSQL queries per uncached GraphQL list request: ${queries.list10} (10 posts), ${queries.list20} (20), ${queries.list100} (100) — `
      + `${independent ? 'independent of page size' : 'GROWS with page size'}; target ≤ ${TARGETS.listQueries}: ${verdict(independent && queries.list20 <= TARGETS.listQueries)}.`)
    console.log(`GraphQL list vs REST baseline: cache off ${(uncached.list.rps / uncached.rest.rps).toFixed(2)}× the throughput; cache on ${(cached.list.rps / uncached.rest.rps).toFixed(1)}×.`)
    return results
  }
  finally {
    await database.drop()
  }
}
