import { randomUUID } from 'node:crypto'
import type { RedisClientType } from 'redis'
import { createClient } from 'redis'

/** The Redis channel every site instance listens on for "content changed: drop your caches". */
export const PURGE_CHANNEL = 'pressroom:site-purge'
const INSTANCE = randomUUID()

export interface PurgeFanOut {
  /** Tells every other instance to purge (this one has purged already). */
  announce: (reason: string) => Promise<void>
  close: () => Promise<void>
}

let current: PurgeFanOut | undefined

/**
 * The CMS's "content changed" call reaches one site instance (behind the proxy, whichever it picks); that instance
 * purges and announces it on Redis, and every other instance purges on hearing it. An instance that loses Redis
 * purges again when it reconnects: it may have missed an announcement, and a purge too many costs one render.
 */
export function startPurgeFanOut(url: string, purgeHere: (reason: string) => Promise<unknown>): PurgeFanOut {
  const options = { url, socket: { connectTimeout: 2000, reconnectStrategy: (retries: number) => Math.min(retries * 200, 5000) } }
  const publisher = createClient(options) as RedisClientType
  const subscriber = createClient(options) as RedisClientType
  let subscribedOnce = false
  for (const client of [publisher, subscriber]) client.on('error', (error: Error) => console.warn(`[purge] Redis (${url}): ${error.message}`))
  subscriber.on('ready', () => {
    if (subscribedOnce) void purgeHere('reconnected to Redis (an announcement may have been missed)')
    subscribedOnce = true
  })
  publisher.connect().catch(() => {})
  subscriber.connect()
    .then(() => subscriber.subscribe(PURGE_CHANNEL, (message) => {
      const { from, reason } = JSON.parse(message) as { from: string, reason: string }
      if (from !== INSTANCE) void purgeHere(`announced by another instance: ${reason}`)
    }))
    .catch(() => {})
  current = {
    announce: async (reason) => {
      if (!publisher.isReady) {
        console.warn('[purge] Redis is not answering: other site instances keep their caches until it is back')
        return
      }
      await publisher.publish(PURGE_CHANNEL, JSON.stringify({ from: INSTANCE, reason }))
    },
    close: async () => {
      current = undefined
      await Promise.all([publisher, subscriber].map(client => (client.isOpen ? client.quit().catch(() => {}) : undefined)))
    },
  }
  return current
}

/** The running fan-out, when NUXT_REDIS_URL is set. */
export const purgeFanOut = () => current
