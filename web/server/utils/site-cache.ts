/**
 * Nitro keeps cached pages and API answers (route rules with `swr`) under the `cache:nitro:` keys of its
 * storage, in this process's memory. (unstorage's `clear('cache')` skips keys held by the root mount, so the
 * keys are removed one by one.) Several site instances would each need the webhook, or a shared storage.
 */
export async function purgeSiteCache(): Promise<number> {
  const storage = useStorage()
  const keys = await storage.getKeys('cache:nitro')
  await Promise.all(keys.map(key => storage.removeItem(key)))
  return keys.length
}
