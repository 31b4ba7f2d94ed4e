#!/usr/bin/env node
// Brings this install to the content of a backup (see the README, "Backup and restore"):
//   ./pressroom restore <file.tar.gz> [--replace]
// Stop the CMS first. The archive is verified (manifest, every SHA-256) before anything is touched; a target that
// already has content is refused unless --replace is given. Exit codes: 0 restored, 1 refused or failed, 2 usage
// error (including a missing file).
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { extractArchive, listFiles, UPLOADS_ENTRY, verifyArchive } from './backup/archive.mjs'
import { hasContent } from './backup/content.mjs'
import { checkPostgresDump, inspectPostgres, restorePostgres } from './backup/postgres.mjs'
import { describeCounts, formatBytes, formatDuration, plural, say, step } from './backup/progress.mjs'
import { BackupError, describeDatabase, displayPath, loadSettings, runCommand } from './backup/settings.mjs'
import { checkSqliteFile, inspectSqlite, replaceSqlite } from './backup/sqlite.mjs'

const USAGE = 'Usage: ./pressroom restore <backup.tar.gz> [--replace]   (stop the CMS first)'
const CLIENT_NAMES = { sqlite: 'SQLite', postgres: 'PostgreSQL' }

function parseCommandLine() {
  try {
    const { values, positionals } = parseArgs({
      options: { replace: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
    })
    if (values.help) {
      console.log(USAGE)
      process.exit(0)
    }
    if (positionals.length !== 1) throw new Error(positionals.length === 0 ? 'which backup? Give the archive\'s path' : 'give exactly one archive')
    return { file: positionals[0], replace: values.replace }
  }
  catch (error) {
    console.error(`✗ ${error.message}\n${USAGE}`)
    process.exit(2)
  }
}

/** True when a CMS answers its health check on the configured port: it should be stopped first. */
async function cmsAnswers(port) {
  try {
    return (await fetch(`http://127.0.0.1:${port}/_health`, { signal: AbortSignal.timeout(500) })).ok
  }
  catch {
    return false
  }
}

/** Moves a file, copying when it crosses file systems (the temp folder is often a different one). */
function move(from, to) {
  try {
    renameSync(from, to)
  }
  catch (error) {
    if (error.code !== 'EXDEV') throw error
    copyFileSync(from, to)
  }
}

/**
 * Makes the uploads folder hold exactly the restored files. The folder itself stays (it is often a mounted
 * volume); only what is inside it is replaced.
 */
function replaceUploads(from, uploadsDir) {
  mkdirSync(uploadsDir, { recursive: true })
  for (const entry of readdirSync(uploadsDir)) {
    if (entry !== '.gitkeep') rmSync(path.join(uploadsDir, entry), { recursive: true, force: true })
  }
  const files = listFiles(from)
  for (const file of files) {
    const target = path.join(uploadsDir, file)
    mkdirSync(path.dirname(target), { recursive: true })
    move(path.join(from, file), target)
  }
  return files.length
}

async function restore({ file, replace }) {
  const started = performance.now()
  const archive = path.resolve(process.env.INIT_CWD ?? process.cwd(), file)
  if (!existsSync(archive)) throw new BackupError(`There is no backup at ${displayPath(archive)}.`, { exitCode: 2 })
  const settings = loadSettings()
  const { database, uploadsDir } = settings
  console.log(`Restoring ${displayPath(archive)} into ${describeDatabase(database)} and the uploads in ${displayPath(uploadsDir)}`)
  console.log('  (the CMS must be stopped while it restores; start it again afterwards)')
  if (await cmsAnswers(settings.port)) {
    console.log(`  ⚠ a CMS answers on port ${settings.port}: if it runs on this database, stop it now (Ctrl-C), or it keeps serving — and writing — the old content`)
  }

  let manifest
  await step('Verifying the archive', async () => {
    const verified = await verifyArchive(archive).catch((error) => {
      throw error instanceof BackupError ? new BackupError(`${error.message}\n  Nothing was changed.`, { exitCode: error.exitCode }) : error
    })
    manifest = verified.manifest
    say(`made ${manifest.createdAt} by Pressroom ${manifest.pressroomVersion} (Strapi ${manifest.strapiVersion}) from ${CLIENT_NAMES[manifest.database.client]}${manifest.database.schema ? ` schema "${manifest.database.schema}"` : ''}`)
    say(describeCounts(manifest.counts))
    return `${plural(manifest.files.length, 'file')} (${formatBytes(verified.bytes)} unpacked): every SHA-256 matches the manifest`
  })
  if (manifest.database.client !== database.client) {
    throw new BackupError(`This backup holds a ${CLIENT_NAMES[manifest.database.client]} database, but this CMS is configured for ${describeDatabase(database)}. `
      + 'A backup restores only into the kind of database it was taken from: '
      + `configure the CMS for ${CLIENT_NAMES[manifest.database.client]} and run the restore again. Nothing was changed.`)
  }
  if (manifest.strapiVersion !== settings.versions.strapi) {
    say(`⚠ the backup was made with Strapi ${manifest.strapiVersion}, this CMS runs ${settings.versions.strapi}: Strapi migrates an older database when it starts; a newer one may not work`)
  }

  const staging = mkdtempSync(path.join(os.tmpdir(), 'pressroom-restore-'))
  try {
    const dump = path.join(staging, manifest.database.file)
    await step('Unpacking', async () => {
      await extractArchive(archive, staging)
      if (database.client === 'sqlite') checkSqliteFile(dump)
      else await checkPostgresDump(dump)
      return `into ${staging}; the database dump reads back`
    })

    await step('Checking what the target holds', async () => {
      const inspected = database.client === 'sqlite'
        ? await inspectSqlite(database.file)
        : await inspectPostgres(database, { otherSchema: manifest.database.schema })
      const uploads = listFiles(uploadsDir).length
      if (inspected.otherSchemaExists) {
        throw new BackupError(`The backup was taken from schema "${manifest.database.schema}", which exists in this database beside the target schema "${database.schema}" (DATABASE_SCHEMA). `
          + `pg_restore writes into the schema named in the backup, so it would need that schema too: restore into DATABASE_SCHEMA=${manifest.database.schema}, or into another database. Nothing was changed.`)
      }
      const found = `${describeCounts(inspected.counts)}; ${plural(uploads, 'file')} in ${displayPath(uploadsDir)}`
      if (hasContent(inspected.counts) || uploads > 0) {
        if (!replace) {
          throw new BackupError(`The target already has content (${found}). Restoring replaces all of it with the backup's: `
            + 'run the restore again with --replace to do that. Nothing was changed.')
        }
        say(`replacing: ${found} (--replace)`)
        return 'it has content, --replace given'
      }
      return inspected.exists ? 'empty' : 'empty (no database yet)'
    })

    await step(database.client === 'sqlite' ? 'Restoring the database: replacing the SQLite file' : `Restoring the database: pg_restore into schema "${database.schema}"`, async () => {
      if (database.client === 'sqlite') {
        replaceSqlite(dump, database)
        return `${displayPath(database.file)} replaced in one rename`
      }
      const { entries } = await restorePostgres(dump, database, { sourceSchema: manifest.database.schema, workDir: staging, say })
      return `${plural(entries, 'dump entry', 'dump entries')} restored (tables, data, indexes, constraints)`
    })

    await step('Restoring the uploads', async () => {
      const restored = replaceUploads(path.join(staging, UPLOADS_ENTRY), uploadsDir)
      return `${plural(restored, 'file')} in ${displayPath(uploadsDir)}`
    })
  }
  finally {
    rmSync(staging, { recursive: true, force: true })
  }

  const { counts } = manifest
  console.log(`✓ Restored ${displayPath(archive)}: ${plural(counts.posts, 'post')}, ${plural(counts.authors, 'author')}, ${plural(counts.categories, 'category', 'categories')}, `
    + `${plural(counts.uploadFiles, 'upload file')} in ${formatDuration(performance.now() - started)}. Start the CMS again (./pressroom start).`)
}

const options = parseCommandLine()
await runCommand('restore', () => restore(options))
