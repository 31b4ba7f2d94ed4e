/**
 * A purge drops the hot lane, the redirects seen so far and Nitro's route cache.
 * Nitro keeps cached pages and API answers (route rules with `swr`) under the `cache:nitro:` keys of its
 * storage: a bounded LRU in this process's memory (nuxt.config `nitro.storage.cache`). Several site instances
 * would each need the webhook, or a shared storage.
 */
export async function purgeSiteCache(): Promise<number> {
  hotLane.clear()
  clearRedirects()
  const storage = useStorage()
  const keys = await storage.getKeys('cache:nitro')
  await Promise.all(keys.map(key => storage.removeItem(key)))
  // Again: a response rendered before the purge may have been kept while the route cache was being emptied.
  hotLane.clear()
  return keys.length
}
