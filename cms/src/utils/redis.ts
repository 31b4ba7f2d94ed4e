import type { Core } from '@strapi/strapi'
import type { RedisClientType } from 'redis'
import { createClient } from 'redis'

const clients = new WeakMap<Core.Strapi, RedisClientType>()
const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms))

/**
 * The one Redis connection this CMS instance shares between the response cache's content version and the /graphql
 * rate limit, or undefined without REDIS_URL. It reconnects by itself; callers that must not wait on a dead Redis
 * check `isReady` first.
 */
export function redisOf(strapi: Core.Strapi): RedisClientType | undefined {
  const url = process.env.REDIS_URL
  if (!url) return undefined
  let client = clients.get(strapi)
  if (!client) {
    client = createClient({ url, socket: { connectTimeout: 2000, reconnectStrategy: retries => Math.min(retries * 200, 5000) } }) as RedisClientType
    client.on('error', (error: Error) => strapi.log.warn(`Redis (${url}): ${error.message}`))
    client.connect().catch(() => {})
    clients.set(strapi, client)
  }
  return client
}

/** Does Redis answer a PING within a second? */
export async function redisAnswers(client: RedisClientType): Promise<boolean> {
  if (!client.isReady) return false
  return Promise.race([client.ping().then(reply => reply === 'PONG'), sleep(1_000).then(() => false)]).catch(() => false)
}

export async function closeRedis(strapi: Core.Strapi): Promise<void> {
  const client = clients.get(strapi)
  clients.delete(strapi)
  if (client?.isOpen) await client.quit().catch(() => {})
}
