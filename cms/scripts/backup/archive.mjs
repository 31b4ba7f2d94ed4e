// The backup archive: one .tar.gz holding manifest.json (first), the database dump under database/ and every
// upload under uploads/. The manifest lists every other file with its size and SHA-256; an archive is accepted
// only when its files are exactly those, byte for byte.
import { createHash } from 'node:crypto'
import { createReadStream, existsSync, lstatSync, readdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { BackupError, CMS_DIR } from './settings.mjs'

const require = createRequire(path.join(CMS_DIR, 'package.json'))
const tar = require('tar')

export const MANIFEST = 'manifest.json'
export const FORMAT = 'pressroom-backup'
export const FORMAT_VERSION = 1
/** The dump's name in the archive, per database client. */
export const DATABASE_ENTRY = { sqlite: 'database/data.db', postgres: 'database/postgres.dump' }
export const UPLOADS_ENTRY = 'uploads'

/** @returns {Promise<{ size: number, sha256: string }>} */
export function hashFile(file) {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256')
    let size = 0
    createReadStream(file)
      .on('data', (chunk) => {
        hash.update(chunk)
        size += chunk.length
      })
      .on('error', reject)
      .on('end', () => resolve({ size, sha256: hash.digest('hex') }))
  })
}

/**
 * Every regular file under `dir` as a '/'-separated relative path, sorted (the repository's `.gitkeep` placeholder
 * excepted); a missing folder has none.
 */
export function listFiles(dir) {
  if (!existsSync(dir)) return []
  const files = []
  const walk = (relative) => {
    for (const entry of readdirSync(path.join(dir, relative), { withFileTypes: true })) {
      const child = relative ? `${relative}/${entry.name}` : entry.name
      if (entry.isDirectory()) walk(child)
      else if (entry.isFile() && child !== '.gitkeep') files.push(child)
    }
  }
  walk('')
  return files.sort()
}

/** Writes the archive: `entries` are paths relative to `cwd`, the manifest first. */
export async function writeArchive(file, cwd, entries) {
  await tar.c({ gzip: { level: 6 }, file, cwd, portable: true, strict: true }, entries)
}

const isSafePath = entry => typeof entry === 'string' && entry !== '' && !entry.startsWith('/') && !entry.split('/').some(part => part === '..' || part === '.' || part === '')

function parseManifest(text) {
  let manifest
  try {
    manifest = JSON.parse(text)
  }
  catch {
    throw new BackupError('Its manifest.json is not valid JSON: the archive is damaged or not a Pressroom backup.')
  }
  if (manifest?.format !== FORMAT) throw new BackupError('It is not a Pressroom backup (its manifest.json says nothing of "pressroom-backup").')
  if (manifest.formatVersion !== FORMAT_VERSION) {
    throw new BackupError(`It is a backup in format version ${manifest.formatVersion}; this Pressroom reads version ${FORMAT_VERSION} only (a newer Pressroom wrote it?).`)
  }
  const database = manifest.database
  if (!['sqlite', 'postgres'].includes(database?.client) || database.file !== DATABASE_ENTRY[database.client]) {
    throw new BackupError('Its manifest.json does not name the database dump it holds: the archive is damaged.')
  }
  if (!Array.isArray(manifest.files) || !manifest.files.every(entry => isSafePath(entry?.path) && Number.isInteger(entry.size) && /^[0-9a-f]{64}$/.test(entry.sha256))) {
    throw new BackupError('Its manifest.json has a malformed file list: the archive is damaged.')
  }
  if (!manifest.files.some(entry => entry.path === database.file)) throw new BackupError(`Its manifest.json does not list ${database.file}: the archive is damaged.`)
  return manifest
}

/**
 * Reads the whole archive once, hashing every file as it streams by, and checks it against its manifest.
 * Resolves with the manifest and the total size of the files; throws a BackupError that lists every problem.
 */
export async function verifyArchive(file) {
  if (!existsSync(file)) throw new BackupError(`There is no backup at ${file}.`, { exitCode: 2 })
  if (!lstatSync(file).isFile()) throw new BackupError(`${file} is not a file: give the path of a backup archive (.tar.gz).`, { exitCode: 2 })

  let manifestText
  const found = new Map()
  const unexpected = []
  const hashing = []
  try {
    await tar.t({
      file,
      strict: true,
      onReadEntry: (entry) => {
        const name = entry.path.replace(/^\.\//, '').replace(/\/$/, '')
        if (entry.type === 'Directory') return entry.resume()
        if (entry.type !== 'File' && entry.type !== 'OldFile') {
          unexpected.push(`${name}: a ${entry.type} entry (a backup holds plain files only)`)
          return entry.resume()
        }
        if (name === MANIFEST) {
          const chunks = []
          entry.on('data', chunk => chunks.push(chunk))
          hashing.push(new Promise(resolve => entry.on('end', () => {
            manifestText = Buffer.concat(chunks).toString('utf8')
            resolve()
          })))
          return
        }
        const hash = createHash('sha256')
        let size = 0
        entry.on('data', (chunk) => {
          hash.update(chunk)
          size += chunk.length
        })
        hashing.push(new Promise(resolve => entry.on('end', () => {
          if (found.has(name)) unexpected.push(`${name}: in the archive twice`)
          found.set(name, { size, sha256: hash.digest('hex') })
          resolve()
        })))
      },
    })
    await Promise.all(hashing)
  }
  catch (error) {
    throw new BackupError(`The archive is damaged or not a .tar.gz file (${error.message}).`)
  }
  if (manifestText === undefined) throw new BackupError('It holds no manifest.json: the archive is damaged or not a Pressroom backup.')
  const manifest = parseManifest(manifestText)

  const problems = [...unexpected]
  const listed = new Set()
  for (const expected of manifest.files) {
    listed.add(expected.path)
    const actual = found.get(expected.path)
    if (!actual) problems.push(`${expected.path}: listed in the manifest but missing from the archive`)
    else if (actual.size !== expected.size) problems.push(`${expected.path}: ${actual.size} bytes, the manifest says ${expected.size}`)
    else if (actual.sha256 !== expected.sha256) problems.push(`${expected.path}: its SHA-256 does not match the manifest (the file was changed or damaged)`)
  }
  for (const name of found.keys()) if (!listed.has(name)) problems.push(`${name}: in the archive but not in the manifest`)
  if (problems.length > 0) {
    const shown = problems.slice(0, 20).map(problem => `\n    - ${problem}`).join('')
    const more = problems.length > 20 ? `\n    … and ${problems.length - 20} more` : ''
    throw new BackupError(`The archive failed verification (${problems.length} problem${problems.length === 1 ? '' : 's'}):${shown}${more}`)
  }
  return { manifest, bytes: manifest.files.reduce((sum, entry) => sum + entry.size, 0) }
}

/** Unpacks a verified archive into `dir` (plain files and folders only, nothing outside `dir`). */
export async function extractArchive(file, dir) {
  await tar.x({ file, cwd: dir, strict: true, filter: (_, entry) => entry.type === 'File' || entry.type === 'OldFile' || entry.type === 'Directory' })
}
