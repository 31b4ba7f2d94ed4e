import { startPurgeFanOut } from '../utils/purge-fan-out'

// With NUXT_REDIS_URL, a purge on any site instance reaches every instance (see utils/purge-fan-out.ts).
export default defineNitroPlugin((nitroApp) => {
  const url = useRuntimeConfig().redisUrl
  if (!url) return
  const fanOut = startPurgeFanOut(url, reason => purgeThisInstance(reason))
  nitroApp.hooks.hook('close', () => fanOut.close())
})
