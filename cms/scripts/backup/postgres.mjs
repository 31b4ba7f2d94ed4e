// PostgreSQL: back up the configured schema with pg_dump (custom format) from one snapshot, restore it with
// pg_restore into a schema of its own and swap it in, so a failed restore leaves the old schema as it was.
import { spawn } from 'node:child_process'
import { statSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { countContent } from './content.mjs'
import { BackupError, CMS_DIR } from './settings.mjs'

const require = createRequire(path.join(CMS_DIR, 'package.json'))
const pg = require('pg')

export const quoteIdentifier = name => `"${name.replaceAll('"', '""')}"`

async function connect({ url, ssl }) {
  const client = new pg.Client({ connectionString: url, ssl })
  try {
    await client.connect()
  }
  catch (error) {
    throw new BackupError(`Could not connect to PostgreSQL (DATABASE_URL): ${error.message}`)
  }
  return client
}

async function schemaExists(client, schema) {
  const { rows } = await client.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema])
  return rows.length > 0
}

async function countIn(client, schema) {
  const { rows } = await client.query('SELECT table_name AS name FROM information_schema.tables WHERE table_schema = $1', [schema])
  const qualified = sql => sql.replace(/FROM "([^"]+)"/, (_, table) => `FROM ${quoteIdentifier(schema)}.${quoteIdentifier(table)}`)
  return countContent(async sql => (await client.query(qualified(sql))).rows, new Set(rows.map(row => row.name)))
}

/** pg_dump and pg_restore get the password through the environment, not on a command line `ps` shows. */
function toolConnection({ url, ssl }) {
  const parsed = new URL(url)
  const env = {}
  if (parsed.password) {
    env.PGPASSWORD = decodeURIComponent(parsed.password)
    parsed.password = ''
  }
  if (ssl && !parsed.searchParams.has('sslmode')) env.PGSSLMODE = 'require'
  return { dbname: parsed.toString(), env }
}

function runTool(tool, args, env = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => { stdout += chunk })
    child.stderr.on('data', (chunk) => { stderr += chunk })
    child.on('error', (error) => {
      reject(error.code === 'ENOENT'
        ? new BackupError(`${tool} is not installed: install the PostgreSQL client tools (the server's major version or newer; on Debian: apt-get install postgresql-client).`)
        : error)
    })
    child.on('close', (code) => {
      if (code === 0) resolve(stdout)
      else reject(new BackupError(`${tool} failed (exit code ${code}):\n${stderr.trim()}`))
    })
  })
}

/** Counts what the configured schema holds, and whether `otherSchema` (the backup's own) exists beside it. */
export async function inspectPostgres(database, { otherSchema } = {}) {
  const client = await connect(database)
  try {
    const exists = await schemaExists(client, database.schema)
    return {
      exists,
      counts: exists ? await countIn(client, database.schema) : await countContent(async () => [], new Set()),
      otherSchemaExists: otherSchema !== undefined && otherSchema !== database.schema && await schemaExists(client, otherSchema),
    }
  }
  finally {
    await client.end()
  }
}

/**
 * Dumps the configured schema to `destination`. The counts come from the snapshot pg_dump dumps (exported from a
 * repeatable-read transaction), so the manifest describes exactly what the dump holds, even while editors work.
 */
export async function dumpPostgres(database, destination) {
  const client = await connect(database)
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY')
    if (!await schemaExists(client, database.schema)) throw new BackupError(`The schema "${database.schema}" (DATABASE_SCHEMA) does not exist in this database: nothing to back up.`)
    const { rows: [{ snapshot }] } = await client.query('SELECT pg_export_snapshot() AS snapshot')
    const counts = await countIn(client, database.schema)
    const { rows: [{ server_version: serverVersion }] } = await client.query('SHOW server_version')
    const { dbname, env } = toolConnection(database)
    // Uncompressed: the archive gzips it once.
    await runTool('pg_dump', ['--format=custom', '--compress=0', `--schema=${quoteIdentifier(database.schema)}`, `--snapshot=${snapshot}`, `--file=${destination}`, `--dbname=${dbname}`], env)
    await client.query('COMMIT')
    return { bytes: statSync(destination).size, counts, details: { schema: database.schema, serverVersion } }
  }
  finally {
    await client.end()
  }
}

/** Refuses a file pg_restore cannot read. */
export async function checkPostgresDump(file) {
  try {
    await runTool('pg_restore', ['--list', file])
  }
  catch (error) {
    throw new BackupError(`The database dump in the archive is not readable by pg_restore: ${error.message}`)
  }
}

/**
 * Restores the dump of schema `sourceSchema` into the configured schema. pg_restore writes into the schema named
 * in the dump, so it restores there (after moving an existing schema of that name aside) and the result is
 * renamed to the configured schema in one transaction; on failure everything is put back as it was.
 */
export async function restorePostgres(dump, database, { sourceSchema, workDir, say }) {
  const target = database.schema
  const { dbname, env } = toolConnection(database)
  // The schema's own entries are left out: it is created here, owned by the user restoring.
  const entries = (await runTool('pg_restore', ['--list', dump]))
    .split('\n')
    .filter(line => /^\d+;/.test(line) && !/^\d+; \d+ \d+ (SCHEMA - |(COMMENT|ACL) - SCHEMA )/.test(line))
  const listFile = path.join(workDir, 'restore.list')
  writeFileSync(listFile, `${entries.join('\n')}\n`)

  const client = await connect(database)
  let aside
  try {
    if (sourceSchema === target && await schemaExists(client, target)) {
      aside = `${target.slice(0, 30)}_before_restore_${Date.now()}`
      await client.query(`ALTER SCHEMA ${quoteIdentifier(target)} RENAME TO ${quoteIdentifier(aside)}`)
    }
    await client.query(`CREATE SCHEMA ${quoteIdentifier(sourceSchema)}`)
    try {
      await runTool('pg_restore', ['--no-owner', '--no-privileges', '--single-transaction', '--exit-on-error', `--use-list=${listFile}`, `--dbname=${dbname}`, dump], env)
      if (sourceSchema !== target) {
        say(`restored as the backup's schema "${sourceSchema}", renamed to "${target}"`)
        await client.query('BEGIN')
        await client.query(`DROP SCHEMA IF EXISTS ${quoteIdentifier(target)} CASCADE`)
        await client.query(`ALTER SCHEMA ${quoteIdentifier(sourceSchema)} RENAME TO ${quoteIdentifier(target)}`)
        await client.query('COMMIT')
      }
    }
    catch (error) {
      await client.query('ROLLBACK').catch(() => {})
      await client.query(`DROP SCHEMA IF EXISTS ${quoteIdentifier(sourceSchema)} CASCADE`)
      throw error
    }
    if (aside) {
      await client.query(`DROP SCHEMA ${quoteIdentifier(aside)} CASCADE`)
      aside = undefined
    }
  }
  finally {
    if (aside) await client.query(`ALTER SCHEMA ${quoteIdentifier(aside)} RENAME TO ${quoteIdentifier(target)}`).catch(() => {})
    await client.end()
  }
  return { entries: entries.length }
}
