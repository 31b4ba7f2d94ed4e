import type { Core } from '@strapi/strapi'
import { contentVersionOf } from '../cache/content-version'
import { isDraining } from './graceful-shutdown'

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms))

/** Does the database answer a trivial query within two seconds? */
async function databaseAnswers(strapi: Core.Strapi): Promise<boolean> {
  const query = strapi.db.connection.raw('select 1').then(() => true, () => false)
  return Promise.race([query, sleep(2_000).then(() => false)])
}

/**
 * GET /_ready — for load balancers: 200 only when this instance can serve, i.e. its database answers (and Redis,
 * when REDIS_URL is set) and it is not shutting down; 503 otherwise, with what is down. Strapi's own /_health stays the liveness check (the
 * process is up). No authentication, no rate limit, never cached.
 */
export function registerReadiness(strapi: Core.Strapi): void {
  strapi.server.use(async (ctx, next) => {
    if (ctx.path !== '/_ready' || (ctx.method !== 'GET' && ctx.method !== 'HEAD')) return next()
    const [database, redis] = await Promise.all([
      databaseAnswers(strapi),
      process.env.REDIS_URL ? contentVersionOf(strapi).answers() : Promise.resolve(undefined),
    ])
    const draining = isDraining()
    const ready = database && redis !== false && !draining
    ctx.status = ready ? 200 : 503
    ctx.set('Cache-Control', 'no-store')
    ctx.body = { ready, database: database ? 'up' : 'down', redis: redis === undefined ? 'not configured' : redis ? 'up' : 'down', ...(draining && { shuttingDown: true }) }
  })
}
