import path from 'node:path'
import type { Core } from '@strapi/strapi'

/**
 * SQLite by default (a file under cms/.tmp/); PostgreSQL as soon as DATABASE_URL is set.
 * DATABASE_SCHEMA picks a PostgreSQL schema (the tests use a throwaway one per run).
 */
const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Database => {
  const databaseUrl = env('DATABASE_URL', '')
  const client = env('DATABASE_CLIENT', databaseUrl ? 'postgres' : 'sqlite')
  const timeouts = { acquireConnectionTimeout: env.int('DATABASE_CONNECTION_TIMEOUT', 60000) }

  if (client === 'postgres') {
    if (!databaseUrl) throw new Error('DATABASE_CLIENT=postgres needs DATABASE_URL (postgres://user:pass@host:5432/db).')
    return {
      connection: {
        client: 'postgres',
        connection: {
          connectionString: databaseUrl,
          schema: env('DATABASE_SCHEMA', 'public'),
          ssl: env.bool('DATABASE_SSL', false) ? { rejectUnauthorized: env.bool('DATABASE_SSL_REJECT_UNAUTHORIZED', true) } : false,
        } as Core.Config.Database<'postgres'>['connection']['connection'],
        pool: { min: env.int('DATABASE_POOL_MIN', 0), max: env.int('DATABASE_POOL_MAX', 10) },
        ...timeouts,
      },
    }
  }

  if (client !== 'sqlite') throw new Error(`Unsupported DATABASE_CLIENT "${client}": use "sqlite" (default) or "postgres".`)
  const filename = env('DATABASE_FILENAME', '.tmp/data.db')
  return {
    connection: {
      client: 'sqlite',
      // dist/config → cms/ ; an absolute DATABASE_FILENAME wins.
      connection: { filename: path.resolve(__dirname, '..', '..', filename) },
      useNullAsDefault: true,
      ...timeouts,
    },
  }
}

export default config
