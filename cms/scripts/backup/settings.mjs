// Where the CMS keeps its content, read the way the CMS reads it (cms/config/database.ts, cms/config/server.ts):
// the environment first, then cms/.env (ENV_PATH), which never overrides a variable that is already set.
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseEnv } from 'node:util'

export const CMS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')

/** A problem with the user's input or configuration, reported as one line with no stack trace. */
export class BackupError extends Error {
  /** @param {string} message @param {{ exitCode?: number }} [options] */
  constructor(message, { exitCode = 1 } = {}) {
    super(message)
    this.name = 'BackupError'
    this.exitCode = exitCode
  }
}

function loadCmsEnvFile() {
  const file = process.env.ENV_PATH ? path.resolve(CMS_DIR, process.env.ENV_PATH) : path.join(CMS_DIR, '.env')
  if (!existsSync(file)) return
  for (const [name, value] of Object.entries(parseEnv(readFileSync(file, 'utf8')))) process.env[name] ??= value
}

/**
 * @typedef {{ client: 'sqlite', file: string }} SqliteSettings
 * @typedef {{ client: 'postgres', url: string, schema: string, ssl: boolean | { rejectUnauthorized: boolean } }} PostgresSettings
 * @typedef {{ database: SqliteSettings | PostgresSettings, uploadsDir: string, port: number, versions: { pressroom: string, strapi: string } }} Settings
 */

/** @returns {Settings} */
export function loadSettings() {
  loadCmsEnvFile()
  const env = process.env
  const databaseUrl = env.DATABASE_URL ?? ''
  const client = env.DATABASE_CLIENT || (databaseUrl ? 'postgres' : 'sqlite')
  const bool = (value, fallback) => value === undefined || value === '' ? fallback : ['true', '1', 'yes', 'on'].includes(value.toLowerCase())

  let database
  if (client === 'postgres') {
    if (!databaseUrl) throw new BackupError('DATABASE_CLIENT=postgres needs DATABASE_URL (postgres://user:pass@host:5432/db).')
    const ssl = bool(env.DATABASE_SSL, false) ? { rejectUnauthorized: bool(env.DATABASE_SSL_REJECT_UNAUTHORIZED, true) } : false
    database = { client, url: databaseUrl, schema: env.DATABASE_SCHEMA || 'public', ssl }
  }
  else if (client === 'sqlite') {
    // As in cms/config/database.ts: relative to cms/, an absolute DATABASE_FILENAME wins.
    database = { client, file: path.resolve(CMS_DIR, env.DATABASE_FILENAME || '.tmp/data.db') }
  }
  else {
    throw new BackupError(`Unsupported DATABASE_CLIENT "${client}": use "sqlite" (default) or "postgres".`)
  }

  const require = createRequire(path.join(CMS_DIR, 'package.json'))
  // cms/package.json, not the workspace's: the CMS's container image holds cms/ alone.
  const pressroom = JSON.parse(readFileSync(path.join(CMS_DIR, 'package.json'), 'utf8')).version
  return {
    database,
    // Strapi's local upload provider writes to <public folder>/uploads (CMS_PUBLIC_DIR, as in cms/config/server.ts).
    uploadsDir: path.resolve(CMS_DIR, env.CMS_PUBLIC_DIR || 'public', 'uploads'),
    port: Number(env.PORT) || 1337,
    versions: { pressroom, strapi: require('@strapi/strapi/package.json').version },
  }
}

/** The database in words, for progress output. */
export function describeDatabase(database) {
  if (database.client === 'sqlite') return `SQLite ${displayPath(database.file)}`
  const url = new URL(database.url)
  return `PostgreSQL ${url.hostname}${url.port ? `:${url.port}` : ''}${url.pathname}, schema "${database.schema}"`
}

/** A path relative to where the user typed the command when it is inside it, absolute otherwise. */
export function displayPath(file) {
  const relative = path.relative(process.env.INIT_CWD ?? process.cwd(), file)
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file
}

/** Runs backup's or restore's main step and exits: 0, a BackupError's own code and message, or 1 with the stack. */
export async function runCommand(what, main) {
  try {
    await main()
    process.exit(0)
  }
  catch (error) {
    if (error instanceof BackupError) {
      console.error(`✗ ${error.message}`)
      process.exit(error.exitCode)
    }
    console.error(`✗ The ${what} failed: ${error.stack ?? error}`)
    process.exit(1)
  }
}
