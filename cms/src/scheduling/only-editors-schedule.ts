import type { Core } from '@strapi/strapi'

interface Route {
  handler: unknown
  config?: { policies?: unknown[] }
}

const SAVES = new Set(['collection-types.create', 'collection-types.update'])

/** Adds `global::only-editors-schedule` to the Content Manager's save routes (an extension point, not a patch). */
export function guardScheduling(strapi: Core.Strapi): void {
  const routers = strapi.plugin('content-manager').routes as unknown as Record<string, { routes: Route[] }>
  for (const router of Object.values(routers)) {
    for (const route of router.routes) {
      if (typeof route.handler !== 'string' || !SAVES.has(route.handler)) continue
      route.config ??= {}
      route.config.policies = [...(route.config.policies ?? []), 'global::only-editors-schedule']
    }
  }
}
