#!/usr/bin/env node
// Fills a fresh database for the cms tests and the benchmark, then exits. Options:
//   --demo                 import cms/content/demo (authors, categories, posts, one draft)
//   --import <folder>      import another folder of Markdown content (may be repeated)
//   --synthetic <n>        add n published synthetic posts in the "Archive" category (in batches of 1,000, each in a
//                          fresh process: one Strapi process slows down as it publishes thousands of documents)
//   --token-file <file>    create a read-only API token and write its key to <file>
// The database comes from the environment, as for the CMS itself.
import { spawnSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { createSyntheticPosts } from './synthetic-posts.mjs'

const cmsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
const require = createRequire(path.join(cmsDir, 'package.json'))
const { values } = parseArgs({
  options: {
    'demo': { type: 'boolean', default: false },
    'import': { type: 'string', multiple: true, default: [] },
    'synthetic': { type: 'string', default: '0' },
    'synthetic-first': { type: 'string', default: '0' },
    'token-file': { type: 'string' },
  },
})

/**
 * Strapi refuses script URLs in Blocks links on input, but the renderer must not trust what is stored (older
 * rows, direct database edits, other writers): the hostile fixture post gets such nodes written straight
 * into its rows.
 */
async function plantStoredHostileNodes(strapi) {
  const rows = await strapi.db.query('api::post.post').findMany({ where: { slug: 'hostile-html-in-the-body' } })
  const text = value => ({ type: 'text', text: value })
  const planted = [
    { type: 'paragraph', children: ['javascript:alert(1)', ' JavaScript:alert(2)', 'java\tscript:alert(3)', 'data:text/html,<script>alert(4)</script>', 'vbscript:msgbox(5)']
      .map(url => ({ type: 'link', url, children: [text(`stored link ${url}`)] })) },
    { type: 'image', image: { url: 'javascript:alert(6)', alternativeText: 'x" onerror="alert(7)' }, children: [text('')] },
    { type: 'heading', level: '1 onclick=alert(8)', children: [text('Heading with a hostile level')] },
    { type: 'paragraph', children: [{ type: 'text', text: 'marks', bold: '<script>' }] },
    { type: 'html', children: [text('<script>alert(9)</script>')] },
  ]
  for (const row of rows) {
    await strapi.db.query('api::post.post').update({ where: { id: row.id }, data: { body: [...row.body, ...planted] } })
  }
}

const BATCH = 1000
const synthetic = Number(values.synthetic)
const first = Number(values['synthetic-first'])

process.env.STRAPI_TELEMETRY_DISABLED ??= 'true'
const { createStrapi } = require('@strapi/strapi')
const { importContent } = require(path.join(cmsDir, 'dist', 'src', 'importer', 'import-content.js'))
const app = createStrapi({ appDir: cmsDir, distDir: path.join(cmsDir, 'dist') })
app.log.level = 'error'
await app.load()

const folders = [...(values.demo ? [path.join(cmsDir, 'content', 'demo')] : []), ...values.import.map(folder => path.resolve(folder))]
for (const folder of folders) {
  const report = await importContent(app, folder)
  // Fixture folders may hold deliberately bad files; the tests check the report themselves.
  console.log(`imported ${path.relative(cmsDir, folder)}: ${report.created.length} created, ${report.updated.length} updated, ${report.problems.length} failed`)
}

if (first === 0) await plantStoredHostileNodes(app)

if (synthetic > 0) {
  const authors = await app.documents('api::author.author').findMany({ fields: ['id'], limit: 10 })
  if (authors.length === 0) throw new Error('--synthetic needs authors: combine it with --demo')
  const category = await app.documents('api::category.category').findFirst({ filters: { slug: 'archive' } })
    ?? await app.documents('api::category.category').create({ data: { name: 'Archive', slug: 'archive', description: 'Synthetic posts for tests and benchmarks.' } })
  const cover = await app.db.query('plugin::upload.file').findOne({ where: { name: { $startsWith: 'cover-' } } })
  const started = Date.now()
  await createSyntheticPosts(app, {
    first,
    count: Math.min(synthetic, BATCH),
    authorIds: authors.map(author => author.documentId),
    categoryId: category.documentId,
    coverId: cover?.id ?? null,
    onProgress: done => console.log(`  synthetic posts: ${done} (${Math.round((Date.now() - started) / 1000)} s)`),
  })
}

if (values['token-file']) {
  const token = await app.service('admin::api-token').create({
    name: `test-read-only-${Date.now()}`,
    description: 'Created by cms/tests/support/prepare-database.mjs',
    type: 'read-only',
    kind: 'content-api',
    lifespan: null,
  })
  writeFileSync(values['token-file'], token.accessKey, { mode: 0o600 })
}

await app.destroy()
// The rest of the synthetic posts, a batch per fresh process.
for (let next = first + BATCH; next < first + synthetic; next += BATCH) {
  const batch = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--synthetic', String(Math.min(BATCH, first + synthetic - next)), '--synthetic-first', String(next)], { stdio: 'inherit' })
  if (batch.status !== 0) throw new Error(`Seeding synthetic posts from ${next + 1} on failed.`)
}
process.exit(0)
