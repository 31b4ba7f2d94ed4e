import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { RunningServer } from './server-process.ts'
import { startServer } from './server-process.ts'

export const CMS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'cms')

/** A free TCP port on loopback, chosen by the OS. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

export interface TestDatabase {
  kind: 'sqlite' | 'postgres'
  /** Environment that points the CMS (and its scripts) at this database. */
  env: Record<string, string>
  /**
   * After a bulk load: VACUUM ANALYZE of this schema's tables on PostgreSQL, the state autovacuum brings a real
   * database to — so the planner has statistics and no autovacuum competes with a measurement. Nothing on SQLite.
   */
  settle: () => Promise<void>
  drop: () => Promise<void>
}

/** A fresh, empty database: a temp SQLite file, or a throwaway schema when DATABASE_URL is set. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const databaseUrl = process.env.DATABASE_URL
  if (databaseUrl) {
    const schema = `pressroom_test_${process.pid}_${Date.now()}`
    const { default: pg } = await import('pg')
    const client = new pg.Client({ connectionString: databaseUrl })
    await client.connect()
    await client.query(`CREATE SCHEMA "${schema}"`)
    await client.end()
    return {
      kind: 'postgres',
      env: { DATABASE_CLIENT: 'postgres', DATABASE_URL: databaseUrl, DATABASE_SCHEMA: schema },
      settle: async () => {
        const vacuum = new pg.Client({ connectionString: databaseUrl })
        await vacuum.connect()
        const { rows } = await vacuum.query<{ name: string }>('SELECT tablename AS name FROM pg_tables WHERE schemaname = $1', [schema])
        if (rows.length > 0) await vacuum.query(`VACUUM ANALYZE ${rows.map(({ name }) => `"${schema}"."${name}"`).join(', ')}`)
        await vacuum.end()
      },
      drop: async () => {
        const dropper = new pg.Client({ connectionString: databaseUrl })
        await dropper.connect()
        await dropper.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`)
        await dropper.end()
      },
    }
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pressroom-test-'))
  return {
    kind: 'sqlite',
    env: { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: path.join(dir, 'data.db') },
    settle: async () => {},
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  }
}

/** Runs a node script in cms/ and resolves with its output; rejects with the output on a non-zero exit. */
export function runCmsScript(script: string, args: string[], env: Record<string, string>): Promise<{ code: number, output: string }> {
  return new Promise((resolve) => {
    // INIT_CWD is where a user typed `pnpm …`; scripts resolve their folder arguments from it.
    const child = spawn(process.execPath, [script, ...args], { cwd: CMS_DIR, env: { ...process.env, INIT_CWD: CMS_DIR, ...env } })
    let output = ''
    child.stdout.on('data', (chunk) => { output += chunk })
    child.stderr.on('data', (chunk) => { output += chunk })
    child.on('close', code => resolve({ code: code ?? 1, output }))
  })
}

export type RunningCms = RunningServer

/** Starts the built CMS in production mode (on `port`, or a free one) and waits until it answers its health check. */
export async function startCms(env: Record<string, string>, { port }: { port?: number } = {}): Promise<RunningCms> {
  port ??= await freePort()
  const url = `http://127.0.0.1:${port}`
  return startServer({
    name: 'The CMS',
    script: path.join(CMS_DIR, 'node_modules', '@strapi', 'strapi', 'bin', 'strapi.js'),
    args: ['start'],
    cwd: CMS_DIR,
    // The rate limits (GraphQL, admin sign-in) are off unless a test turns them on (cms/tests/api/rate-limit.spec.ts):
    // tests and the benchmark send thousands of requests, and sign in many times, from one address.
    env: { NODE_ENV: 'production', HOST: '127.0.0.1', PORT: String(port), SQL_QUERY_COUNT: 'true', STRAPI_TELEMETRY_DISABLED: 'true', RATE_LIMIT_PER_MINUTE: '0', ADMIN_RATE_LIMIT: 'false', ...env },
    url,
    healthUrl: `${url}/_health`,
    timeoutMs: 60_000,
  })
}

export function readToken(file: string): string {
  return readFileSync(file, 'utf8').trim()
}
