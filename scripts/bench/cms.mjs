// The CMS section of `pnpm bench`: a scratch database with the demo content and 1,000 synthetic posts, the
// built CMS in production mode, and three loads at concurrency 10 — the post-list query and the post-by-slug
// query the sdk sends, and as the baseline a plain REST list of the same 20 posts from the same server.
import { print } from 'graphql'
import { createTestDatabase, runCmsScript, startCms } from '../../cms/tests/support/cms-server.ts'
import { ListPostsDocument, PostBySlugDocument } from '../../packages/sdk/dist/generated/graphql.js'
import { measure } from './load.mjs'
import { ms, perSecond, table, verdict } from './report.mjs'

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

async function sqlQueries(request) {
  const response = await fetch(request.url, { method: request.method, headers: request.headers, body: request.body })
  if (!response.ok) throw new Error(`${request.url} answered ${response.status}: ${(await response.text()).slice(0, 300)}`)
  return Number(response.headers.get('x-sql-queries'))
}

export async function benchCms({ seconds, log }) {
  const database = await createTestDatabase()
  let cms
  try {
    log(`seeding ${SYNTHETIC_POSTS} posts into a scratch ${database.kind} database (about a minute)`)
    const seeded = await runCmsScript('tests/support/prepare-database.mjs', ['--demo', '--synthetic', String(SYNTHETIC_POSTS)], database.env)
    if (seeded.code !== 0) throw new Error(`Seeding failed:\n${seeded.output}`)
    cms = await startCms(database.env)

    const list = pageSize => graphqlRequest(cms.url, ListPostsDocument, { page: 1, pageSize })
    const bySlug = graphqlRequest(cms.url, PostBySlugDocument, { slug: 'synthetic-post-500' })
    const restList = { url: `${cms.url}/api/posts?pagination[pageSize]=20&sort=date:desc&populate[0]=author&populate[1]=categories&populate[2]=cover`, method: 'GET', headers: {} }

    const queries = {
      list10: await sqlQueries(list(10)),
      list20: await sqlQueries(list(20)),
      list100: await sqlQueries(list(100)),
      bySlug: await sqlQueries(bySlug),
      rest: await sqlQueries(restList),
    }
    log('loading: GraphQL post list (20 posts)')
    const listLoad = await measure({ ...list(20), connections: CONCURRENCY, seconds })
    log('loading: GraphQL post by slug')
    const bySlugLoad = await measure({ ...bySlug, connections: CONCURRENCY, seconds })
    log('loading: REST list (baseline)')
    const restLoad = await measure({ ...restList, connections: CONCURRENCY, seconds })

    const results = { database: database.kind, posts: SYNTHETIC_POSTS + 9, concurrency: CONCURRENCY, seconds, queries, listLoad, bySlugLoad, restLoad }
    const row = (name, load, sql, target) => [name, perSecond(load.rps), ms(load.p50), ms(load.p99), sql, load.errors, target]
    console.log(table(
      `CMS on ${database.kind}: ${results.posts} published posts, concurrency ${CONCURRENCY}, ${seconds} s each (autocannon)`,
      ['request', 'throughput', 'p50', 'p99', 'SQL queries', 'errors', 'target'],
      [
        row('GraphQL post list, 20 posts + author, categories, cover', listLoad, queries.list20, `p50 ≤ ${TARGETS.listP50} ms: ${verdict(listLoad.p50 <= TARGETS.listP50)}`),
        row('GraphQL post by slug (full post)', bySlugLoad, queries.bySlug, `p50 ≤ ${TARGETS.bySlugP50} ms: ${verdict(bySlugLoad.p50 <= TARGETS.bySlugP50)}`),
        row('baseline: REST list, same 20 posts populated', restLoad, queries.rest, '—'),
      ],
    ))
    const independent = queries.list10 === queries.list20 && queries.list20 === queries.list100
    console.log(`\nSQL queries per GraphQL list request: ${queries.list10} (10 posts), ${queries.list20} (20), ${queries.list100} (100) — `
      + `${independent ? 'independent of page size' : 'GROWS with page size'}; target ≤ ${TARGETS.listQueries}: ${verdict(independent && queries.list20 <= TARGETS.listQueries)}.`)
    console.log(`GraphQL list vs REST baseline: ${(listLoad.rps / restLoad.rps).toFixed(2)}× the throughput, p50 ${(listLoad.p50 / Math.max(restLoad.p50, 0.001)).toFixed(2)}× the latency.`)
    return results
  }
  finally {
    await cms?.stop()
    await database.drop()
  }
}

