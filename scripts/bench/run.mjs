// `pnpm bench` / `./pressroom bench`: builds what it measures, runs each section, prints Markdown tables and
// writes every figure to bench/results/latest.json. A benchmark, not a test: it never fails on a figure.
//   --seconds N   load duration per measurement (default 10)
//   --db sqlite|postgres|both   databases for the CMS section (default: both when DATABASE_URL is set)
//   --only cms|site|search|webhooks|scheduling|history|scale|archive   run one section (default: all but archive)
//   --posts N     the archive section's export size (default 100000)
import { mkdirSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { buildCms, buildPackages, buildWeb, CMS_DIR, ROOT } from '../lib/build.mjs'
import { ensureSecrets, SECRETS } from '../lib/env-file.mjs'

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '10' }, db: { type: 'string' }, only: { type: 'string' }, posts: { type: 'string', default: '100000' } } })
const sections = values.only ? [values.only] : ['cms', 'site', 'search', 'webhooks', 'scheduling', 'history', 'scale']
const seconds = Number(values.seconds)
const databases = values.db === 'both' || (!values.db && process.env.DATABASE_URL) ? ['sqlite', 'postgres'] : [values.db ?? 'sqlite']
if (databases.includes('postgres') && !process.env.DATABASE_URL) {
  console.error('The PostgreSQL run needs DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/test).')
  process.exit(2)
}
const log = message => console.log(`  … ${message}`)

ensureSecrets(path.join(CMS_DIR, '.env'), SECRETS.cms)
await buildPackages()
await buildCms()
if (['site', 'scheduling', 'scale', 'archive'].some(section => sections.includes(section))) await buildWeb()
// Imported after the build: the sections load the sdk's compiled documents.
const { benchCms } = await import('./cms.mjs')
const { benchSite } = await import('./site.mjs')
const { benchSearch } = await import('./search.mjs')
const { benchWebhooks } = await import('./webhooks.mjs')
const { benchScheduling } = await import('./scheduling.mjs')
const { benchHistory } = await import('./history.mjs')
const { benchScale } = await import('./scale.mjs')
const { benchArchive } = await import('./archive.mjs')

const results = { startedAt: new Date().toISOString(), machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version }, cms: [], site: null, search: [], webhooks: [], scheduling: [], history: [], scale: null, archive: [] }
const databaseUrl = process.env.DATABASE_URL
function useDatabase(database) {
  if (database === 'sqlite') delete process.env.DATABASE_URL
  else process.env.DATABASE_URL = databaseUrl
}
if (sections.includes('cms')) {
  for (const database of databases) {
    useDatabase(database)
    results.cms.push(await benchCms({ seconds, log }))
  }
}
if (sections.includes('search')) {
  for (const database of databases) {
    useDatabase(database)
    results.search.push(await benchSearch({ seconds, log }))
  }
}
if (sections.includes('webhooks')) {
  for (const database of databases) {
    useDatabase(database)
    results.webhooks.push(await benchWebhooks({ log }))
  }
}
if (sections.includes('scheduling')) {
  for (const database of databases) {
    useDatabase(database)
    results.scheduling.push(await benchScheduling({ log }))
  }
}
if (sections.includes('history')) {
  for (const database of databases) {
    useDatabase(database)
    results.history.push(await benchHistory({ log }))
  }
}
// The site section runs on SQLite: it measures the site and its caches, not the database.
if (sections.includes('site')) {
  useDatabase('sqlite')
  results.site = await benchSite({ seconds, log })
}

// Several instances share PostgreSQL and Redis: this section needs both.
if (sections.includes('scale')) results.scale = await benchScale({ seconds, log })

// 100,000 posts imported from a WordPress export, then read: long, so only when asked for (--only archive).
if (sections.includes('archive')) {
  for (const database of databases) {
    useDatabase(database)
    results.archive.push(await benchArchive({ posts: Number(values.posts), seconds, log }))
  }
}

const out = path.join(ROOT, 'bench', 'results', 'latest.json')
mkdirSync(path.dirname(out), { recursive: true })
writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`)
console.log(`\nFigures written to ${path.relative(ROOT, out)}.`)
