import { createHash } from 'node:crypto'
import type { Core } from '@strapi/strapi'
import { errors } from '@strapi/utils'
import parseBody from 'co-body'
import { LRUCache } from 'lru-cache'
import { contentVersionOf } from '../cache/content-version'

const LOCAL_TTL_MS = 5_000

interface Entry {
  version: string
  body: string
}

interface KoaContext {
  req: Parameters<typeof parseBody.json>[0]
  is: (type: string) => string | false | null
  path: string
  method: string
  status: number
  type: string
  body: unknown
  query: Record<string, unknown>
  request: { body?: unknown }
  get: (header: string) => string
  set: (header: string, value: string) => void
}

/**
 * Strapi's body parser skips /graphql and leaves it to Apollo's (koa-bodyparser), which in turn skips a body
 * that is already parsed: parse it here with the same library and limit.
 */
async function jsonBody(ctx: KoaContext): Promise<unknown> {
  if (ctx.request.body !== undefined || !ctx.is('application/json')) return ctx.request.body
  try {
    ctx.request.body = await parseBody.json(ctx.req, { limit: '1mb' })
  }
  catch (error) {
    throw new errors.ValidationError(`The request body is not valid JSON: ${(error as Error).message}`)
  }
  return ctx.request.body
}

/**
 * Caches anonymous GraphQL answers in memory, keyed by query + variables, valid while the content version
 * they were made at is current (see cache/content-version.ts) — so a publish is visible on the next request.
 * Requests with a token (previews, editors' tools) and answers with errors are never cached.
 * Without Redis the version is this process's own, and writes made by another process (the import command,
 * a second instance) cannot bump it: entries then also expire after LOCAL_TTL_MS.
 * GRAPHQL_CACHE=false turns it off; GRAPHQL_CACHE_MAX_MB bounds the memory it uses (default 64).
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  if (process.env.GRAPHQL_CACHE === 'false') return async (_ctx: KoaContext, next: () => Promise<void>) => next()

  const versions = contentVersionOf(strapi)
  const cache = new LRUCache<string, Entry>({
    ttl: versions.shared ? 0 : LOCAL_TTL_MS,
    maxSize: Number(process.env.GRAPHQL_CACHE_MAX_MB ?? 64) * 1024 * 1024,
    sizeCalculation: entry => entry.body.length + 64,
  })

  return async (ctx: KoaContext, next: () => Promise<void>) => {
    if (ctx.path !== '/graphql' || (ctx.method !== 'POST' && ctx.method !== 'GET') || ctx.get('authorization')) return next()
    const request = (ctx.method === 'POST' ? await jsonBody(ctx) : ctx.query) as Record<string, unknown> | undefined
    if (typeof request?.query !== 'string') return next()

    let version: string
    try {
      version = await versions.current()
    }
    catch {
      return next() // No shared version (Redis down): answer uncached rather than risk stale content.
    }
    const key = createHash('sha256').update(JSON.stringify([request.query, request.variables ?? null, request.operationName ?? null])).digest('base64url')
    const hit = cache.get(key)
    if (hit && hit.version === version) {
      ctx.status = 200
      ctx.type = 'application/json; charset=utf-8'
      ctx.body = hit.body
      ctx.set('X-Cache', 'HIT')
      return
    }

    await next()
    ctx.set('X-Cache', 'MISS')
    if (ctx.status !== 200 || typeof ctx.body !== 'string') return
    try {
      if ((JSON.parse(ctx.body) as { errors?: unknown }).errors === undefined) cache.set(key, { version, body: ctx.body })
    }
    catch {}
  }
}
