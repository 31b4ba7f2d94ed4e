// SQLite: back up with SQLite's online backup API (consistent while the CMS writes), restore by replacing the file
// in one rename.
import { closeSync, copyFileSync, existsSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { countContent } from './content.mjs'
import { BackupError, CMS_DIR, displayPath } from './settings.mjs'

const require = createRequire(path.join(CMS_DIR, 'package.json'))
const Database = require('better-sqlite3')

function tablesOf(db) {
  return new Set(db.prepare(`SELECT name FROM sqlite_master WHERE type IN ('table', 'view')`).all().map(row => row.name))
}

/** Counts what the SQLite file holds; a missing file holds nothing. */
export async function inspectSqlite(file) {
  if (!existsSync(file)) return { exists: false, counts: await countContent(async () => [], new Set()) }
  const db = new Database(file, { readonly: true, fileMustExist: true })
  try {
    return { exists: true, counts: await countContent(async sql => db.prepare(sql).all(), tablesOf(db)) }
  }
  finally {
    db.close()
  }
}

/** Copies the live database to `destination` page by page; returns its size and what it holds. */
export async function dumpSqlite({ file }, destination) {
  if (!existsSync(file)) throw new BackupError(`There is no SQLite database at ${displayPath(file)} (DATABASE_FILENAME): nothing to back up. Has the CMS ever started?`)
  const source = new Database(file, { readonly: true, fileMustExist: true })
  try {
    await source.backup(destination)
  }
  finally {
    source.close()
  }
  const { counts } = await inspectSqlite(destination)
  return { bytes: statSync(destination).size, counts, details: {} }
}

/** Refuses a file that SQLite does not read as a sound database. */
export function checkSqliteFile(file) {
  let db
  try {
    db = new Database(file, { readonly: true, fileMustExist: true })
    const [result] = db.pragma('quick_check', { simple: false })
    if (result?.quick_check !== 'ok') throw new Error(String(result?.quick_check ?? 'no answer'))
  }
  catch (error) {
    throw new BackupError(`The database in the archive is not a sound SQLite database (${error.message}).`)
  }
  finally {
    db?.close()
  }
}

/**
 * Puts `restored` in place of the database file: copied next to it, flushed, then renamed over it, so the CMS
 * finds either the old database or the new one, never half of one. The old file's journal and WAL go first: SQLite
 * would otherwise replay them into the new database.
 */
export function replaceSqlite(restored, { file }) {
  mkdirSync(path.dirname(file), { recursive: true })
  const incoming = `${file}.restoring-${process.pid}`
  try {
    copyFileSync(restored, incoming)
    const handle = openSync(incoming, 'r+')
    fsyncSync(handle)
    closeSync(handle)
    for (const suffix of ['-wal', '-shm', '-journal']) rmSync(`${file}${suffix}`, { force: true })
    renameSync(incoming, file)
  }
  finally {
    rmSync(incoming, { force: true })
  }
  // The rename itself survives a crash only once the folder is flushed.
  const folder = openSync(path.dirname(file), 'r')
  try {
    fsyncSync(folder)
  }
  catch {}
  finally {
    closeSync(folder)
  }
}
