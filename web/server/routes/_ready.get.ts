// GET /_ready — for load balancers: 200 when this instance can serve readers, i.e. the CMS's GraphQL API answers or
// there are cached pages to serve while it does not; 503 otherwise. /health stays the liveness check (the process is
// up). The CMS is asked where the site asks it for content (NUXT_CMS_GRAPHQL_URL), proxy included.
const CMS_TIMEOUT_MS = 1_000

async function cmsAnswers(): Promise<boolean> {
  const config = useRuntimeConfig()
  try {
    const response = await fetch(config.cmsGraphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...siteKeyHeaders() },
      body: '{"query":"{ __typename }"}',
      signal: AbortSignal.timeout(CMS_TIMEOUT_MS),
    })
    return response.ok
  }
  catch {
    return false
  }
}

export default defineEventHandler(async (event) => {
  const [cms, cachedPages] = await Promise.all([cmsAnswers(), useStorage().getKeys('cache:nitro').then(keys => keys.length)])
  const ready = cms || cachedPages > 0
  setResponseStatus(event, ready ? 200 : 503)
  setResponseHeader(event, 'cache-control', 'no-store')
  return { ready, cms: cms ? 'up' : 'down', cachedPages }
})
