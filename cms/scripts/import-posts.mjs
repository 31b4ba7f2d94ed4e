#!/usr/bin/env node
// Imports posts into the CMS (see the README, "Importing posts"): a folder of Markdown posts, or a WordPress export.
//   pnpm import-posts <folder> [--only-if-empty]
//   pnpm import-posts <export.xml> [--uploads <wp-content/uploads folder>]
// Uses the built CMS (run `pnpm --filter cms build` first) and the database configured in cms/.env.
import { existsSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { createRequire } from 'node:module'
import { parseArgs } from 'node:util'
import { printWordPressReport, progressBar, uploadsFolderFor } from './import/wordpress-cli.mjs'

const USAGE = 'Usage: ./pressroom import <folder-of-markdown-posts> [--only-if-empty]\n       ./pressroom import <wordpress-export.xml> [--uploads <folder>]'
const cmsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(path.join(cmsDir, 'package.json'))
let parsed
try {
  parsed = parseArgs({ allowPositionals: true, options: { 'only-if-empty': { type: 'boolean', default: false }, 'uploads': { type: 'string' } } })
}
catch (error) {
  console.error(`${error.message}\n${USAGE}`)
  process.exit(2)
}
const onlyIfEmpty = parsed.values['only-if-empty']
const folderArg = parsed.positionals[0]

if (!folderArg) {
  console.error(USAGE)
  process.exit(2)
}
const fromCwd = file => path.resolve(process.env.INIT_CWD ?? process.cwd(), file)
const folder = fromCwd(folderArg)
const isExport = existsSync(folder) && statSync(folder).isFile()
const distDir = path.join(cmsDir, 'dist')
if (!existsSync(path.join(distDir, 'src', 'importer', 'import-content.js'))) {
  console.error('The CMS is not built yet: run `pnpm --filter cms build` (or ./pressroom start) first.')
  process.exit(2)
}

if (!existsSync(folder)) {
  console.error(`✗ There is no folder or file at ${folder}.`)
  process.exit(2)
}
const uploads = isExport ? uploadsFolderFor(folder, parsed.values.uploads && fromCwd(parsed.values.uploads)) : null
process.env.STRAPI_TELEMETRY_DISABLED ??= 'true'
process.env.NODE_ENV ??= 'production'
// Strapi reads cms/.env from the working directory.
process.chdir(cmsDir)
const { createStrapi } = require('@strapi/strapi')
const { importContent } = require(path.join(distDir, 'src', 'importer', 'import-content.js'))
const { importWordPress } = require(path.join(distDir, 'src', 'importer', 'wordpress', 'import-wordpress.js'))

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
  else if (isExport) {
    console.log(`Importing the WordPress export ${folder}${uploads ? `, with images from ${uploads}` : ''} …`)
    const bar = progressBar()
    let report
    try {
      report = await importWordPress(app, folder, { uploadsFolder: uploads, onProgress: bar.update })
    }
    finally {
      bar.stop()
    }
    printWordPressReport(report, process.resourceUsage().maxRSS * 1024)
    if (report.problems.some(problem => problem.kind === 'failed')) exitCode = 1
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
