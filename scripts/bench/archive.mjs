// The archive section of `pnpm bench --only archive` (not in the default run: about 15 minutes per database at
// 100,000 posts): a generated WordPress export of realistic posts (300–1,500 words, 20 authors, 50 categories)
// imported with the real command into a scratch database that already holds the demo blog, then, in the same
// run, the reads a 100,000-post archive must keep quick — with the CMS's response cache off and the site's page
// cache bypassed, so every figure is the engine and the request, not a cache. `--posts N` sizes the export.
import { readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { mkdtempSync } from 'node:fs'
import { print } from 'graphql'
import { adminApi, POSTS } from '../../testing/admin-api.ts'
import { createTestDatabase, runCmsScript, startCms } from '../../testing/cms-server.ts'
import { startWeb } from '../../testing/web-server.ts'
import { ListPostsDocument, SearchPostsDocument } from '../../packages/sdk/dist/generated/graphql.js'
import { ms, percentile, perSecond, table, verdict } from './report.mjs'
import { measureSearchEngine } from './search-engine.mjs'
import { seedDatabase } from './seed.mjs'
import { writeWordPressExport } from './wordpress-export.mjs'
import { wrk } from './wrk.mjs'

const TARGETS = { importSqlite: 200, importPostgres: 100, listP95: 50, searchP95: 50, searchSpeedup: 20, pageMs: 1000, cmsMb: 600, siteMb: 250 }
const QUERIES = { 'common word ("patent")': 'patent', 'rare word ("squatters")': 'squatters', 'prefix ("manufac")': 'manufac' }
const SAMPLES = 7

const graphql = (query, variables) => JSON.stringify({ query: print(query), variables })
const containsiBody = q => JSON.stringify({ query: print(ListPostsDocument), variables: { filters: { or: [{ title: { containsi: q } }, { excerpt: { containsi: q } }] }, page: 1, pageSize: 10 } })

/** Resident memory of a process, from /proc (Linux). */
function residentMb(pid) {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
  return match ? Number(match[1]) / 1024 : Number.NaN
}

/**
 * Sequential requests to one address, each with a never-seen query string so the page cache never answers. Only the
 * first is uncached all the way down: the site keeps the CMS data behind a page (/api/…) in a cache of its own, so
 * the later ones measure rendering on cached data. Reports the first apart, and the later ones' p50.
 */
async function timedGets(url, { headers = {} } = {}) {
  const times = []
  let status = 0
  let bytes = 0
  for (let n = 0; n < SAMPLES; n += 1) {
    const separator = url.includes('?') ? '&' : '?'
    const started = performance.now()
    const response = await fetch(`${url}${separator}bench-bypass=archive-${Date.now()}-${n}`, { headers })
    const body = await response.arrayBuffer()
    times.push(performance.now() - started)
    status = response.status
    bytes = body.byteLength
  }
  return { first: times[0], p50: percentile(times.slice(1), 50), max: Math.max(...times), status, bytes }
}

/** The import's own summary line: posts/s and peak memory. */
function importFigures(output) {
  const rate = /\((\d+) posts\/s\)/.exec(output)?.[1]
  const created = /([\d,]+) posts? created/.exec(output)?.[1]
  const peak = /Peak memory ([\d.]+) (MB|GB)/.exec(output)
  const seconds = /in ([\d.]+) (s|ms):/.exec(output)
  return {
    created: Number(created?.replaceAll(',', '') ?? 0),
    rate: Number(rate ?? 0),
    peakMb: peak ? Number(peak[1]) * (peak[2] === 'GB' ? 1024 : 1) : Number.NaN,
    seconds: seconds ? Number(seconds[1]) / (seconds[2] === 'ms' ? 1000 : 1) : Number.NaN,
  }
}

async function measureGraphql({ cms, seconds, log }) {
  const url = `${cms.url}/graphql`
  log('GraphQL list of 20 posts with relations, one connection, then ten')
  const listBody = graphql(ListPostsDocument, { page: 1, pageSize: 20 })
  const list = { one: await wrk({ url, connections: 1, seconds, body: listBody }), ten: await wrk({ url, connections: 10, seconds, body: listBody }) }
  const search = {}
  for (const [name, q] of Object.entries(QUERIES)) {
    log(`search for the ${name} and the containsi baseline, one connection`)
    search[name] = {
      engine: await wrk({ url, connections: 1, seconds, body: graphql(SearchPostsDocument, { query: q, page: 1, pageSize: 10 }) }),
      baseline: await wrk({ url, connections: 1, seconds, body: containsiBody(q) }),
    }
  }
  return { list, search }
}

async function measurePages({ cms, web, log }) {
  log('site pages, feed and sitemaps, uncached')
  const pages = {}
  pages['sitemap index /sitemap.xml'] = await timedGets(`${web.url}/sitemap.xml`)
  const indexXml = await (await fetch(`${web.url}/sitemap.xml`)).text()
  const child = /<sitemap>\s*<loc>([^<]+)<\/loc>/.exec(indexXml)?.[1]
  if (child) {
    const posts = [...indexXml.matchAll(/<loc>([^<]+)<\/loc>/g)].map(match => match[1]).find(loc => /posts/.test(loc)) ?? child
    pages[`one child sitemap ${new URL(posts).pathname}`] = await timedGets(`${web.url}${new URL(posts).pathname}`)
  }
  pages['RSS feed /feed.xml'] = await timedGets(`${web.url}/feed.xml`)
  pages['index page 2,000 /?page=2000'] = await timedGets(`${web.url}/?page=2000`, { headers: { accept: 'text/html' } })
  pages['category page /categories/topic-7'] = await timedGets(`${web.url}/categories/topic-7`, { headers: { accept: 'text/html' } })
  pages['author page /authors/archive-author-3'] = await timedGets(`${web.url}/authors/archive-author-3`, { headers: { accept: 'text/html' } })
  pages['search page /search?q=patent'] = await timedGets(`${web.url}/search?q=patent`, { headers: { accept: 'text/html' } })

  log('the admin\'s post list (content-manager API), newest first')
  const editor = adminApi(cms.url)
  await editor('GET', `${POSTS}?page=1&pageSize=10&sort=date:DESC`)
  const adminTimes = []
  let adminTotal = 0
  for (let n = 0; n < SAMPLES * 3; n += 1) {
    const started = performance.now()
    const answer = await editor('GET', `${POSTS}?page=${1 + n * 50}&pageSize=10&sort=date:DESC`)
    adminTimes.push(performance.now() - started)
    adminTotal = answer.body?.pagination?.total ?? 0
  }
  pages['admin post list (content-manager, 10 a page)'] = { first: adminTimes[0], p50: percentile(adminTimes.slice(1), 50), max: Math.max(...adminTimes), status: 200, bytes: 0, total: adminTotal }
  return pages
}

export async function benchArchive({ posts, seconds, log }) {
  const database = await createTestDatabase()
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pressroom-archive-'))
  const exportFile = path.join(dir, 'export.xml')
  try {
    log(`writing a WordPress export of ${posts.toLocaleString('en-US')} posts`)
    const bytes = await writeWordPressExport(exportFile, posts)
    log(`seeding the demo blog into a scratch ${database.kind} database`)
    await seedDatabase(database, ['--demo'])
    log(`importing ${(bytes / 2 ** 20).toFixed(0)} MB of WordPress export with ./pressroom import (long)`)
    const imported = await runCmsScript('scripts/import-posts.mjs', [exportFile], database.env)
    if (imported.code !== 0) throw new Error(`The import failed:\n${imported.output.slice(-4000)}`)
    const figures = importFigures(imported.output)
    const importTarget = database.kind === 'sqlite' ? TARGETS.importSqlite : TARGETS.importPostgres
    console.log(table(
      `Archive on ${database.kind}: importing a ${(bytes / 2 ** 20).toFixed(0)} MB WordPress export of ${posts.toLocaleString('en-US')} posts`,
      ['posts created', 'time', 'rate', 'peak memory (import process)', 'target'],
      [[figures.created.toLocaleString('en-US'), `${figures.seconds.toFixed(0)} s`, perSecond(figures.rate), `${figures.peakMb.toFixed(0)} MB`, `≥ ${importTarget}/s: ${verdict(figures.rate >= importTarget)}`]],
    ))
    await database.settle()
    const cms = await startCms({ ...database.env, GRAPHQL_CACHE: 'false' })
    const web = await startWeb(cms.url)
    try {
      const { list, search } = await measureGraphql({ cms, seconds, log })
      const total = posts + 10
      console.log(table(
        `Archive on ${database.kind}: GraphQL at ${total.toLocaleString('en-US')} published posts, response cache off`,
        ['request', 'c=1 p50', 'c=1 p95', 'c=1 throughput', 'c=10 throughput', 'baseline containsi c=1', 'speed-up', 'target'],
        [
          ['list of 20 posts with relations', ms(list.one.p50), ms(list.one.p95), perSecond(list.one.rps), perSecond(list.ten.rps), '—', '—', `p95 ≤ ${TARGETS.listP95} ms: ${verdict(list.one.p95 <= TARGETS.listP95)}`],
          ...Object.entries(search).map(([name, { engine: e, baseline: b }]) => {
            const speedup = e.rps / b.rps
            return [`searchPosts, ${name}`, ms(e.p50), ms(e.p95), perSecond(e.rps), '—', `${perSecond(b.rps)} (p50 ${ms(b.p50)})`, `${speedup.toFixed(1)}×`,
              `p95 ≤ ${TARGETS.searchP95} ms: ${verdict(e.p95 <= TARGETS.searchP95)}; ≥ ${TARGETS.searchSpeedup}×: ${verdict(speedup >= TARGETS.searchSpeedup)}`]
          }),
        ],
      ))
      const engine = await measureSearchEngine(database.env, QUERIES)
      console.log(table(
        `Archive on ${database.kind}: search engine alone (SQL only, one query at a time)`,
        ['query', 'full-text SQL p50', 'p95', 'containsi SQL p50', 'p95', 'speed-up (p50)'],
        Object.entries(engine).map(([name, { engine: e, baseline: b }]) => [name, ms(e.p50), ms(e.p95), ms(b.p50), ms(b.p95), `${(b.p50 / e.p50).toFixed(1)}×`]),
      ))
      const pages = await measurePages({ cms, web, log })
      console.log(table(
        `Archive on ${database.kind}: pages, feed, sitemaps and the admin list, uncached, ${SAMPLES}+ requests one at a time`,
        ['request', 'status', 'size', 'first (uncached)', 'later p50 (site data cached)', 'slowest', 'target'],
        Object.entries(pages).map(([name, page]) => [name, page.status, page.bytes ? `${(page.bytes / 1024).toFixed(0)} KB` : `${page.total} posts`, ms(page.first), ms(page.p50), ms(page.max), `≤ ${TARGETS.pageMs} ms: ${verdict(page.max <= TARGETS.pageMs)}`]),
      ))
      const memory = { cms: residentMb(cms.process.pid), site: residentMb(web.process.pid) }
      console.log(table(
        `Archive on ${database.kind}: memory after the run`,
        ['process', 'resident', 'target'],
        [['CMS', `${memory.cms.toFixed(0)} MB`, `≤ ${TARGETS.cmsMb} MB: ${verdict(memory.cms <= TARGETS.cmsMb)}`], ['site', `${memory.site.toFixed(0)} MB`, `≤ ${TARGETS.siteMb} MB: ${verdict(memory.site <= TARGETS.siteMb)}`]],
      ))
      return { database: database.kind, posts, exportBytes: bytes, import: figures, list, search, engine, pages, memory }
    }
    finally {
      await web.stop()
      await cms.stop()
    }
  }
  finally {
    rmSync(dir, { recursive: true, force: true })
    await database.drop()
  }
}
