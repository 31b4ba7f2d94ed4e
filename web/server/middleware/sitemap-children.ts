import type { EventHandler, H3Event } from 'h3'

/**
 * GET /sitemap-pages-N.xml and /sitemap-posts-N.xml, the children of the sitemap index (server/utils/sitemap.ts).
 * They must sit at the site's root — a sitemap may only list URLs under its own folder — and h3's router matches
 * whole path segments only (`/sitemap-posts-:n.xml` is not a pattern it knows), so they are answered here, before
 * routing; every other request passes with one string comparison. Cached and purged exactly like a page: the same
 * route rule's stale-while-revalidate options in Nitro's route cache (`nitro:routes`, emptied by every purge),
 * and the hot lane keeps them as it keeps pages.
 */
let cached: EventHandler<never, Promise<string>> | undefined

function childHandler(event: H3Event): EventHandler<never, Promise<string>> {
  if (cached) return cached
  const render = defineEventHandler((event) => {
    const child = parseSitemapChild(event.path.split('?')[0]!)!
    return sendSitemapChild(event, child.section, child.part)
  })
  const rules = getRouteRules(event).cache
  cached = rules ? cachedEventHandler(render, { group: 'nitro/routes', ...rules }) : render
  return cached
}

export default defineEventHandler((event) => {
  if (!event.path.startsWith('/sitemap-') || (event.method !== 'GET' && event.method !== 'HEAD')) return
  if (!parseSitemapChild(event.path.split('?')[0]!)) return
  return childHandler(event)(event)
})
