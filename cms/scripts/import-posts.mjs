#!/usr/bin/env node
// Imports a folder of Markdown posts into the CMS (see the README, "Importing posts").
//   pnpm import-posts <folder> [--only-if-empty]
// Uses the built CMS (run `pnpm --filter cms build` first) and the database configured in cms/.env.
import { existsSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { createRequire } from 'node:module'

const cmsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(path.join(cmsDir, 'package.json'))
const args = process.argv.slice(2)
const onlyIfEmpty = args.includes('--only-if-empty')
const folderArg = args.find(arg => !arg.startsWith('--'))

if (!folderArg) {
  console.error('Usage: pnpm import-posts <folder-of-markdown-posts> [--only-if-empty]')
  process.exit(2)
}
const folder = path.resolve(process.env.INIT_CWD ?? process.cwd(), folderArg)
const distDir = path.join(cmsDir, 'dist')
if (!existsSync(path.join(distDir, 'src', 'importer', 'import-content.js'))) {
  console.error('The CMS is not built yet: run `pnpm --filter cms build` (or ./pressroom start) first.')
  process.exit(2)
}

if (!existsSync(folder)) {
  console.error(`✗ There is no folder at ${folder}.`)
  process.exit(2)
}
process.env.STRAPI_TELEMETRY_DISABLED ??= 'true'
process.env.NODE_ENV ??= 'production'
// Strapi reads cms/.env from the working directory.
process.chdir(cmsDir)
const { createStrapi } = require('@strapi/strapi')
const { importContent } = require(path.join(distDir, 'src', 'importer', 'import-content.js'))

let app
try {
  app = createStrapi({ appDir: cmsDir, distDir })
  app.log.level = 'warn'
  await app.load()
}
catch (error) {
  console.error(`✗ The CMS could not start: ${error.message}`)
  process.exit(2)
}

let exitCode = 0
try {
  const posts = await app.documents('api::post.post').count({})
  if (onlyIfEmpty && posts > 0) {
    console.log(`The CMS already has ${posts} post(s); not importing ${path.relative(process.cwd(), folder) || folder}.`)
  }
  else {
    console.log(`Importing Markdown content from ${folder} …`)
    const report = await importContent(app, folder)
    for (const file of report.created) console.log(`  + created ${file}`)
    for (const file of report.updated) console.log(`  ~ updated ${file}`)
    for (const { file, reason } of report.problems) console.error(`  ✗ ${file}: ${reason}`)
    console.log(`Imported ${report.created.length + report.updated.length} file(s): ${report.created.length} created, ${report.updated.length} updated, ${report.problems.length} failed.`)
    if (report.problems.length > 0) exitCode = 1
  }
}
catch (error) {
  console.error(`✗ ${error.message}`)
  exitCode = 2
}
finally {
  await app.destroy()
}
process.exit(exitCode)
