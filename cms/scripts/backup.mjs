#!/usr/bin/env node
// Writes one archive of the CMS's content (see the README, "Backup and restore"):
//   ./pressroom backup [file-or-folder]
// The database is copied consistently while the CMS runs (SQLite's online backup API, pg_dump from one snapshot),
// then every upload; manifest.json lists each file with its size and SHA-256. Exit codes: 0 written, 1 failed,
// 2 usage error (including a folder that does not exist).
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { DATABASE_ENTRY, FORMAT, FORMAT_VERSION, hashFile, listFiles, MANIFEST, UPLOADS_ENTRY, verifyArchive, writeArchive } from './backup/archive.mjs'
import { dumpPostgres } from './backup/postgres.mjs'
import { describeCounts, formatBytes, formatDuration, plural, say, step } from './backup/progress.mjs'
import { BackupError, describeDatabase, displayPath, loadSettings, runCommand } from './backup/settings.mjs'
import { dumpSqlite } from './backup/sqlite.mjs'

const USAGE = 'Usage: ./pressroom backup [file.tar.gz | folder]   (default: pressroom-backup-<UTC time>.tar.gz here)'

function parseCommandLine() {
  try {
    const { values, positionals } = parseArgs({ options: { help: { type: 'boolean', short: 'h' } }, allowPositionals: true })
    if (values.help) {
      console.log(USAGE)
      process.exit(0)
    }
    if (positionals.length > 1) throw new Error('give at most one file or folder')
    return positionals[0]
  }
  catch (error) {
    console.error(`✗ ${error.message}\n${USAGE}`)
    process.exit(2)
  }
}

/** 2026-03-04T05:06:07.089Z → 20260304T050607Z */
const compactTimestamp = date => date.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')

function archivePath(argument, createdAt) {
  const base = process.env.INIT_CWD ?? process.cwd()
  const name = `pressroom-backup-${compactTimestamp(createdAt)}.tar.gz`
  if (!argument) return path.join(base, name)
  const target = path.resolve(base, argument)
  if (argument.endsWith('/') || (existsSync(target) && statSync(target).isDirectory())) return path.join(target, name)
  return target
}

async function backup(argument) {
  const started = performance.now()
  const createdAt = new Date()
  const settings = loadSettings()
  const archive = archivePath(argument, createdAt)
  if (existsSync(archive)) throw new BackupError(`${displayPath(archive)} already exists: give another name, or move it away first.`)
  if (!existsSync(path.dirname(archive))) throw new BackupError(`The folder ${displayPath(path.dirname(archive))} does not exist.`, { exitCode: 2 })

  const { database, uploadsDir } = settings
  console.log(`Backing up ${describeDatabase(database)} and the uploads in ${displayPath(uploadsDir)}`)
  const staging = mkdtempSync(path.join(os.tmpdir(), 'pressroom-backup-'))
  const partial = `${archive}.partial`
  try {
    const databaseEntry = DATABASE_ENTRY[database.client]
    mkdirSync(path.join(staging, 'database'))
    let dumped
    await step(database.client === 'sqlite' ? 'Database: SQLite online backup' : `Database: pg_dump of schema "${database.schema}"`, async () => {
      dumped = database.client === 'sqlite'
        ? await dumpSqlite(database, path.join(staging, databaseEntry))
        : await dumpPostgres(database, path.join(staging, databaseEntry))
      say(describeCounts(dumped.counts))
      return formatBytes(dumped.bytes)
    })

    // Uploads after the database: every file the dump refers to was written before it, so it is in the archive.
    const uploads = listFiles(uploadsDir)
    const files = [{ path: databaseEntry, ...await hashFile(path.join(staging, databaseEntry)) }]
    await step(`Uploads: ${plural(uploads.length, 'file')}`, async () => {
      if (!existsSync(uploadsDir)) say(`${displayPath(uploadsDir)} does not exist: no uploads to back up`)
      let bytes = 0
      for (const [index, upload] of uploads.entries()) {
        const hashed = await hashFile(path.join(uploadsDir, upload))
        files.push({ path: `${UPLOADS_ENTRY}/${upload}`, ...hashed })
        bytes += hashed.size
        if ((index + 1) % 1000 === 0) say(`${index + 1} / ${uploads.length} files hashed`)
      }
      return `${formatBytes(bytes)} hashed (SHA-256)`
    })

    const manifest = {
      format: FORMAT,
      formatVersion: FORMAT_VERSION,
      createdAt: createdAt.toISOString(),
      pressroomVersion: settings.versions.pressroom,
      strapiVersion: settings.versions.strapi,
      database: { client: database.client, file: databaseEntry, ...dumped.details },
      counts: { ...dumped.counts, uploadFiles: uploads.length },
      files,
    }
    writeFileSync(path.join(staging, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`)
    // The archive's uploads/ is the real folder, reached through a link in the staging folder.
    if (uploads.length > 0) symlinkSync(uploadsDir, path.join(staging, UPLOADS_ENTRY), 'dir')

    let size = 0
    await step(`Archive: ${plural(files.length + 1, 'file')}`, async () => {
      await writeArchive(partial, staging, [MANIFEST, ...files.map(file => file.path)])
      size = statSync(partial).size
      say(`written: ${formatBytes(size)} (gzip)`)
      try {
        await verifyArchive(partial)
      }
      catch (error) {
        throw new BackupError(`The archive just written does not match its manifest: an upload probably changed during the backup. Run the backup again.\n  ${error.message}`)
      }
      renameSync(partial, archive)
      return 'read back: every SHA-256 matches the manifest'
    })

    const { counts } = manifest
    console.log(`✓ Backup written to ${displayPath(archive)}: ${plural(counts.posts, 'post')}, ${plural(counts.authors, 'author')}, `
      + `${plural(counts.categories, 'category', 'categories')}, ${plural(counts.uploadFiles, 'upload file')}; ${formatBytes(size)} in ${formatDuration(performance.now() - started)}`)
  }
  finally {
    rmSync(staging, { recursive: true, force: true })
    rmSync(partial, { force: true })
  }
}

const argument = parseCommandLine()
await runCommand('backup', () => backup(argument))
