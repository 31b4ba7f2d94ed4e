import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import pg from 'pg'
import * as tar from 'tar'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { createClient } from '@pressroom/sdk'
import type { TestDatabase } from '../../../testing/cms-server'
import { createTestDatabase, runCmsScript, startCms } from '../../../testing/cms-server'

// A CMS of its own (database and uploads folder), seeded with the demo blog, backed up with the real command,
// wiped, restored and booted again. The run's shared CMS is not involved.
let database: TestDatabase
let work: string
let env: Record<string, string>
let uploadsDir: string
let archive: string
let backupRun: { code: number, output: string }
let before: ContentState

interface ContentState {
  counts: { posts: number, authors: number, categories: number }
  bodies: Array<{ document_id: string, locale: string | null, published_at: unknown, body: unknown }>
  uploads: Record<string, string>
}

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex')

function uploadHashes(dir: string): Record<string, string> {
  const hashes: Record<string, string> = {}
  if (!existsSync(dir)) return hashes
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue
    const file = path.join(entry.parentPath, entry.name)
    hashes[path.relative(dir, file)] = sha256(readFileSync(file))
  }
  return hashes
}

/** Runs SQL on the test CMS's database (its schema on PostgreSQL), straight, without the CMS. */
async function sql(statement: string, databaseEnv = env): Promise<any[]> {
  if (databaseEnv.DATABASE_CLIENT === 'postgres') {
    const client = new pg.Client({ connectionString: databaseEnv.DATABASE_URL })
    await client.connect()
    try {
      await client.query(`SET search_path TO "${databaseEnv.DATABASE_SCHEMA}"`)
      return (await client.query(statement)).rows
    }
    finally {
      await client.end()
    }
  }
  const db = new DatabaseSync(databaseEnv.DATABASE_FILENAME!)
  try {
    return /^\s*select/i.test(statement) ? db.prepare(statement).all() : (db.exec(statement), [])
  }
  finally {
    db.close()
  }
}

async function contentState(): Promise<ContentState> {
  const count = async (table: string) => Number((await sql(`SELECT COUNT(DISTINCT document_id) AS n FROM ${table}`))[0].n)
  return {
    counts: { posts: await count('posts'), authors: await count('authors'), categories: await count('categories') },
    bodies: await sql('SELECT document_id, locale, published_at, body FROM posts ORDER BY document_id, published_at'),
    uploads: uploadHashes(uploadsDir),
  }
}

/** What a lost server leaves: an empty database (file gone / schema empty) and an empty uploads folder. */
async function wipe() {
  if (database.kind === 'postgres') {
    const schema = env.DATABASE_SCHEMA!
    const client = new pg.Client({ connectionString: env.DATABASE_URL })
    await client.connect()
    await client.query(`DROP SCHEMA "${schema}" CASCADE; CREATE SCHEMA "${schema}"`)
    await client.end()
  }
  else {
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${env.DATABASE_FILENAME}${suffix}`, { force: true })
  }
  rmSync(uploadsDir, { recursive: true, force: true })
  mkdirSync(uploadsDir, { recursive: true })
}

const backup = (args: string[]) => runCmsScript('scripts/backup.mjs', args, env)
const restore = (args: string[], extraEnv: Record<string, string> = {}) => runCmsScript('scripts/restore.mjs', args, { ...env, ...extraEnv })

/** A change made after the backup, so a test can tell "untouched" from "restored". */
async function changeAfterBackup() {
  await sql(`UPDATE posts SET title = 'Changed after the backup'`)
  writeFileSync(path.join(uploadsDir, 'added-after-the-backup.txt'), 'new')
}
const changedTitles = async () => Number((await sql(`SELECT COUNT(*) AS n FROM posts WHERE title = 'Changed after the backup'`))[0].n)

beforeAll(async () => {
  database = await createTestDatabase()
  work = mkdtempSync(path.join(os.tmpdir(), 'pressroom-backup-test-'))
  uploadsDir = path.join(work, 'public', 'uploads')
  mkdirSync(uploadsDir, { recursive: true })
  env = { ...database.env, CMS_PUBLIC_DIR: path.join(work, 'public') }
  const seeded = await runCmsScript('tests/support/prepare-database.mjs', ['--demo'], env)
  if (seeded.code !== 0) throw new Error(`Seeding failed:\n${seeded.output}`)
  before = await contentState()
  archive = path.join(work, 'backup.tar.gz')
  backupRun = await backup([archive])
}, 180_000)

afterAll(async () => {
  await database?.drop()
  if (work) rmSync(work, { recursive: true, force: true })
})

describe('./pressroom backup', () => {
  it('writes one archive: the database, every upload and a manifest with a SHA-256 per file', async () => {
    expect(backupRun.output).toMatch(/✓ Backup written to .*backup\.tar\.gz: 10 posts, 2 authors, 4 categories, \d+ upload files; .* in /)
    expect(backupRun.code).toBe(0)
    expect(Object.keys(before.uploads).length).toBeGreaterThanOrEqual(2)

    let manifest: any
    const entries: Record<string, string> = {}
    await tar.t({
      file: archive,
      onReadEntry: (entry) => {
        const chunks: Buffer[] = []
        entry.on('data', (chunk: Buffer) => chunks.push(chunk))
        entry.on('end', () => {
          if (entry.path === 'manifest.json') manifest = JSON.parse(Buffer.concat(chunks).toString('utf8'))
          else entries[entry.path] = sha256(Buffer.concat(chunks))
        })
      },
    })
    expect(manifest).toMatchObject({
      format: 'pressroom-backup',
      formatVersion: 1,
      database: { client: database.kind },
      counts: { ...before.counts, uploadFiles: Object.keys(before.uploads).length },
    })
    expect(manifest.strapiVersion).toBe('5.54.0')
    expect(Date.now() - Date.parse(manifest.createdAt)).toBeLessThan(10 * 60_000)
    // Exactly the manifest's files, each with its checksum; every upload among them, byte for byte.
    expect(Object.fromEntries(manifest.files.map((file: any) => [file.path, file.sha256]))).toEqual(entries)
    for (const [name, hash] of Object.entries(before.uploads)) expect(entries[`uploads/${name}`]).toBe(hash)
  })

  it('refuses to overwrite an existing file (exit code 1)', async () => {
    const again = await backup([archive])
    expect(again.code).toBe(1)
    expect(again.output).toContain('already exists')
  })
})

describe('./pressroom restore', () => {
  it('brings a wiped install back: same counts, bodies and upload bytes, and the CMS serves it', async () => {
    await wipe()
    const run = await restore([archive])
    expect(run.output).toMatch(/✓ Restored .*: 10 posts, 2 authors, 4 categories, \d+ upload files in /)
    expect(run.code).toBe(0)
    expect(await contentState()).toEqual(before)

    const cms = await startCms(env)
    try {
      // A backup while the CMS runs on the database is consistent too.
      const live = await backup([path.join(work, 'while-running.tar.gz')])
      expect(live.output).toContain('10 posts, 2 authors, 4 categories')
      expect(live.code).toBe(0)

      const client = createClient({ url: `${cms.url}/graphql` })
      const page = await client.listPosts({ pageSize: 100 })
      expect(page.total).toBeGreaterThan(0)
      const withCover = page.items.find(post => post.cover)!
      const post = await client.getPost(withCover.slug)
      expect(post.bodyHtml.length).toBeGreaterThan(100)
      // The cover is served from the restored uploads folder, unchanged.
      const cover = await fetch(post.cover!.url)
      expect(cover.status).toBe(200)
      expect(sha256(Buffer.from(await cover.arrayBuffer()))).toBe(before.uploads[path.basename(new URL(post.cover!.url).pathname)])
    }
    finally {
      await cms.stop()
    }
  }, 120_000)

  it('refuses a target that has content without --replace, naming the flag, and changes nothing', async () => {
    await changeAfterBackup()
    const run = await restore([archive])
    expect(run.code).toBe(1)
    expect(run.output).toMatch(/The target already has content \(10 posts, 2 authors, 4 categories, .*\).*--replace.*Nothing was changed/s)
    expect(await changedTitles()).toBeGreaterThan(0)
    expect(existsSync(path.join(uploadsDir, 'added-after-the-backup.txt'))).toBe(true)
  })

  it('replaces that content with --replace', async () => {
    const run = await restore([archive, '--replace'])
    expect(run.output).toContain('(--replace)')
    expect(run.code).toBe(0)
    expect(await contentState()).toEqual(before)
    expect(existsSync(path.join(uploadsDir, 'added-after-the-backup.txt'))).toBe(false)
  })

  it('refuses an archive with one byte changed in an upload, before touching anything', async () => {
    const unpacked = path.join(work, 'tampered')
    mkdirSync(unpacked)
    await tar.x({ file: archive, cwd: unpacked })
    const victim = Object.keys(before.uploads).sort()[0]!
    const bytes = readFileSync(path.join(unpacked, 'uploads', victim))
    bytes[Math.floor(bytes.length / 2)]! ^= 0x01
    writeFileSync(path.join(unpacked, 'uploads', victim), bytes)
    const tampered = path.join(work, 'tampered.tar.gz')
    await tar.c({ gzip: true, file: tampered, cwd: unpacked }, readdirSync(unpacked))

    await changeAfterBackup()
    const run = await restore([tampered, '--replace'])
    expect(run.code).toBe(1)
    expect(run.output).toContain(`uploads/${victim}: its SHA-256 does not match the manifest`)
    expect(run.output).toContain('Nothing was changed')
    expect(await changedTitles()).toBeGreaterThan(0)
    expect(existsSync(path.join(uploadsDir, 'added-after-the-backup.txt'))).toBe(true)
  })

  it('refuses a damaged archive, a missing file and a missing argument with clear messages', async () => {
    const truncated = path.join(work, 'truncated.tar.gz')
    writeFileSync(truncated, readFileSync(archive).subarray(0, 4096))
    const damaged = await restore([truncated, '--replace'])
    expect(damaged.code).toBe(1)
    expect(damaged.output).toContain('The archive is damaged or not a .tar.gz file')

    const missing = await restore([path.join(work, 'no-such-backup.tar.gz')])
    expect(missing.code).toBe(2)
    expect(missing.output).toContain('There is no backup at')

    const usage = await restore([])
    expect(usage.code).toBe(2)
    expect(usage.output).toContain('Usage: ./pressroom restore <backup.tar.gz> [--replace]')
    expect(await changedTitles()).toBeGreaterThan(0)
  })

  it('refuses to restore into the other kind of database', async () => {
    // Refused from the manifest, before any connection: the other database need not exist.
    const other: Record<string, string> = database.kind === 'sqlite'
      ? { DATABASE_CLIENT: 'postgres', DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' }
      : { DATABASE_CLIENT: 'sqlite', DATABASE_URL: '', DATABASE_FILENAME: path.join(work, 'other.db') }
    const run = await restore([archive, '--replace'], other)
    expect(run.code).toBe(1)
    expect(run.output).toMatch(database.kind === 'sqlite'
      ? /This backup holds a SQLite database, but this CMS is configured for PostgreSQL/
      : /This backup holds a PostgreSQL database, but this CMS is configured for SQLite/)
    expect(run.output).toContain('Nothing was changed')
  })

  // PostgreSQL only: SQLite has no schemas.
  if (inject('databaseKind') === 'postgres') it('on PostgreSQL, restores into another schema, and refuses one beside the backup\'s own', async () => {
    const source = env.DATABASE_SCHEMA!
    const other = await createTestDatabase()
    try {
      const beside = await restore([archive], other.env)
      expect(beside.code).toBe(1)
      expect(beside.output).toContain(`The backup was taken from schema "${source}", which exists in this database`)

      // With the backup's own schema gone (a new server), it restores into any schema.
      await sql(`ALTER SCHEMA "${source}" RENAME TO "${source}_away"`)
      try {
        const run = await restore([archive, '--replace'], other.env)
        expect(run.output).toContain(`restored as the backup's schema "${source}", renamed to "${other.env.DATABASE_SCHEMA}"`)
        expect(run.code).toBe(0)
        expect(Number((await sql('SELECT COUNT(DISTINCT document_id) AS n FROM posts', { ...env, ...other.env }))[0].n)).toBe(before.counts.posts)
      }
      finally {
        await sql(`ALTER SCHEMA "${source}_away" RENAME TO "${source}"`)
      }
    }
    finally {
      await other.drop()
    }
  })
})
