import { createHash, timingSafeEqual } from 'node:crypto'
import type { Core } from '@strapi/strapi'
import { LRUCache } from 'lru-cache'
import { RATE_LIMITS } from '../utils/limits'

interface KoaContext {
  path: string
  ip: string
  status: number
  body: unknown
  get: (header: string) => string
  set: (header: string, value: string) => void
}

interface Window {
  startedAt: number
  count: number
}

/** The site's own server-to-server requests carry the secret it shares with the CMS (SITE_WEBHOOK_SECRET). */
export const SITE_KEY_HEADER = 'x-pressroom-site-key'

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}

/**
 * A fixed-window rate limit on /graphql: per IP for anonymous clients (RATE_LIMIT_PER_MINUTE, default 60), per
 * token for holders of a valid API token (RATE_LIMIT_TOKEN_PER_MINUTE, default 600), none for the site's server.
 * Over the limit: 429 with Retry-After and a GraphQL-shaped error. Counts live in this process (bounded LRU); with
 * several CMS instances behind a balancer each counts its own share.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const windowMs = RATE_LIMITS.windowSeconds() * 1000
  const limits = { anonymous: RATE_LIMITS.anonymousPerWindow(), token: RATE_LIMITS.tokenPerWindow() }
  const siteKey = process.env.SITE_WEBHOOK_SECRET ?? ''
  const windows = new LRUCache<string, Window>({ max: 100_000, ttl: windowMs })
  // A bearer token counts as a token only if Strapi knows it (hashed the way Strapi stores it), remembered a minute.
  const knownTokens = new LRUCache<string, boolean>({ max: 10_000, ttl: 60_000 })

  async function isValidToken(token: string): Promise<boolean> {
    const cached = knownTokens.get(token)
    if (cached !== undefined) return cached
    const tokens = strapi.service('admin::api-token') as { hash: (key: string) => string }
    const row = await strapi.db.query('admin::api-token').findOne({ where: { accessKey: tokens.hash(token) }, select: ['id'] })
    knownTokens.set(token, Boolean(row))
    return Boolean(row)
  }

  return async (ctx: KoaContext, next: () => Promise<void>) => {
    if (ctx.path !== '/graphql' || limits.anonymous <= 0) return next()
    const givenSiteKey = ctx.get(SITE_KEY_HEADER)
    if (siteKey && givenSiteKey && sameSecret(givenSiteKey, siteKey)) return next()

    const bearer = /^Bearer\s+(\S+)$/i.exec(ctx.get('authorization'))?.[1]
    const asToken = bearer !== undefined && await isValidToken(bearer)
    const key = asToken ? `token:${createHash('sha256').update(bearer).digest('hex')}` : `ip:${ctx.ip}`
    const limit = asToken ? limits.token : limits.anonymous

    const now = Date.now()
    let window = windows.get(key)
    if (!window || now - window.startedAt >= windowMs) {
      window = { startedAt: now, count: 0 }
      windows.set(key, window)
    }
    window.count += 1
    const resetSeconds = Math.max(1, Math.ceil((window.startedAt + windowMs - now) / 1000))
    ctx.set('RateLimit-Limit', String(limit))
    ctx.set('RateLimit-Remaining', String(Math.max(0, limit - window.count)))
    ctx.set('RateLimit-Reset', String(resetSeconds))
    if (window.count <= limit) return next()

    ctx.status = 429
    ctx.set('Retry-After', String(resetSeconds))
    const who = asToken ? 'this API token' : 'anonymous clients'
    ctx.body = { errors: [{ message: `Too many requests: at most ${limit} per ${windowMs / 1000} seconds for ${who}. Retry after ${resetSeconds} s.`, extensions: { code: 'RATE_LIMITED', retryAfterSeconds: resetSeconds } }] }
  }
}
