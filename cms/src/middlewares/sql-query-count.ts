import { AsyncLocalStorage } from 'node:async_hooks'
import type { Core } from '@strapi/strapi'

/**
 * Counts the SQL queries each HTTP request runs and reports them in `X-SQL-Queries`.
 * Off unless SQL_QUERY_COUNT=true (the tests and the benchmark turn it on) — it is a measuring tool.
 * Counting happens at the database connection (knex's `query` event), so nothing can bypass it.
 * Transaction control (BEGIN/COMMIT/ROLLBACK/SAVEPOINT, which Strapi wraps around every document-service call)
 * is reported separately in `X-SQL-Transaction-Statements`: it moves no data.
 */
const QUERIES_HEADER = 'X-SQL-Queries'
const TRANSACTION_HEADER = 'X-SQL-Transaction-Statements'
const TRANSACTION_CONTROL = /^\s*(BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE)\b/i

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  if (process.env.SQL_QUERY_COUNT !== 'true') {
    return async (_ctx: unknown, next: () => Promise<void>) => next()
  }

  const requestCounter = new AsyncLocalStorage<{ queries: number, transactionStatements: number }>()
  strapi.db.connection.on('query', (query: { sql?: string }) => {
    const counter = requestCounter.getStore()
    if (!counter) return
    if (TRANSACTION_CONTROL.test(query.sql ?? '')) counter.transactionStatements += 1
    else counter.queries += 1
  })

  return async (ctx: { set: (name: string, value: string) => void }, next: () => Promise<void>) => {
    const counter = { queries: 0, transactionStatements: 0 }
    await requestCounter.run(counter, next)
    ctx.set(QUERIES_HEADER, String(counter.queries))
    ctx.set(TRANSACTION_HEADER, String(counter.transactionStatements))
  }
}
