import { purgeFanOut } from './purge-fan-out'

/**
 * A purge drops the hot lane, the redirects seen so far and Nitro's route cache of this instance.
 * Nitro keeps cached pages and API answers (route rules with `swr`) under the `cache:nitro:` keys of its
 * storage: a bounded LRU in this process's memory (nuxt.config `nitro.storage.cache`).
 */
export async function purgeThisInstance(reason: string): Promise<number> {
  hotLane.clear()
  clearRedirects()
  const storage = useStorage()
  const keys = await storage.getKeys('cache:nitro')
  await Promise.all(keys.map(key => storage.removeItem(key)))
  // Again: a response rendered before the purge may have been kept while the route cache was being emptied.
  hotLane.clear()
  console.info(`[purge] ${keys.length} cached responses dropped: ${reason}`)
  return keys.length
}

/** Purges this instance, then every other one (through Redis, when NUXT_REDIS_URL is set). */
export async function purgeSiteCache(reason: string): Promise<number> {
  const purged = await purgeThisInstance(reason)
  await purgeFanOut()?.announce(reason)
  return purged
}
