import { createHash, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import type { Core } from '@strapi/strapi'
import { LRUCache } from 'lru-cache'
import type { RateLimiterAbstract } from 'rate-limiter-flexible'
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible'
import { clientAddress, trustedProxies } from '../utils/client-address'
import { RATE_LIMITS } from '../utils/limits'
import { redisOf } from '../utils/redis'

interface KoaContext {
  path: string
  req: IncomingMessage
  status: number
  body: unknown
  get: (header: string) => string
  set: (header: string, value: string) => void
}

/** The site's own server-to-server requests carry the secret it shares with the CMS (SITE_WEBHOOK_SECRET). */
export const SITE_KEY_HEADER = 'x-pressroom-site-key'

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}

/**
 * A fixed-window rate limit on /graphql: per client address for anonymous clients (RATE_LIMIT_PER_MINUTE, default
 * 60), per token for holders of a valid API token (RATE_LIMIT_TOKEN_PER_MINUTE, default 600), none for the site's
 * server. Over the limit: 429 with Retry-After and a GraphQL-shaped error. With REDIS_URL the counts live in Redis
 * (rate-limiter-flexible), so every CMS instance counts against the same budget; if Redis stops answering, each
 * instance falls back to counting in memory rather than refusing or waving everyone through.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const duration = RATE_LIMITS.windowSeconds()
  const limits = { anonymous: RATE_LIMITS.anonymousPerWindow(), token: RATE_LIMITS.tokenPerWindow() }
  const siteKey = process.env.SITE_WEBHOOK_SECRET ?? ''
  const proxies = trustedProxies()
  const counters = {
    anonymous: counter(strapi, 'anonymous', limits.anonymous, duration),
    token: counter(strapi, 'token', limits.token, duration),
  }
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
    const kind = asToken ? 'token' : 'anonymous'
    const key = asToken ? createHash('sha256').update(bearer).digest('hex') : clientAddress(ctx.req.socket.remoteAddress ?? '', ctx.get('x-forwarded-for') || undefined, proxies)
    const limit = limits[kind]

    const outcome = await counters[kind].consume(key).then(result => ({ result, allowed: true }), (result: unknown) => {
      if (result instanceof RateLimiterRes) return { result, allowed: false }
      throw result
    })
    const resetSeconds = Math.max(1, Math.ceil(outcome.result.msBeforeNext / 1000))
    ctx.set('RateLimit-Limit', String(limit))
    ctx.set('RateLimit-Remaining', String(outcome.result.remainingPoints))
    ctx.set('RateLimit-Reset', String(resetSeconds))
    if (outcome.allowed) return next()

    ctx.status = 429
    ctx.set('Retry-After', String(resetSeconds))
    const who = asToken ? 'this API token' : 'anonymous clients'
    ctx.body = { errors: [{ message: `Too many requests: at most ${limit} per ${duration} seconds for ${who}. Retry after ${resetSeconds} s.`, extensions: { code: 'RATE_LIMITED', retryAfterSeconds: resetSeconds } }] }
  }
}

/** One budget per key and window, in Redis when there is one (with memory as its insurance), else in memory. */
function counter(strapi: Core.Strapi, kind: string, points: number, duration: number): RateLimiterAbstract {
  const inMemory = new RateLimiterMemory({ points, duration, keyPrefix: kind })
  const redis = redisOf(strapi)
  if (!redis) return inMemory
  return new RateLimiterRedis({
    storeClient: redis,
    useRedisPackage: true,
    // Fail over at once, not after node-redis's reconnect queue: a request never waits on a dead Redis.
    rejectIfRedisNotReady: true,
    insuranceLimiter: inMemory,
    points,
    duration,
    keyPrefix: `pressroom:graphql-rate:${kind}`,
  })
}
