import type { Core } from '@strapi/strapi'
import { errors } from '@strapi/utils'
import { POST, storedSchedule } from '../scheduling/store'

interface PolicyContext {
  params: { model?: string, id?: string }
  request: { body?: Record<string, unknown> }
  state: { userAbility?: { can: (action: string, subject: string) => boolean } }
}

const instant = (value: unknown) => (value === null || value === undefined || value === '' ? null : new Date(value as string).getTime())

/**
 * `global::only-editors-schedule` — scheduling is publishing later, so a save that sets "Publish at" or "Unpublish
 * at" needs the right to publish. The Author role cannot even see those fields; this refuses (403) anyone who sends
 * them anyway, before the Content Manager would silently drop them. Added to its save routes by scheduling/.
 */
export default async (ctx: PolicyContext, _config: unknown, { strapi }: { strapi: Core.Strapi }): Promise<boolean> => {
  if (ctx.params.model !== POST || ctx.state.userAbility?.can('plugin::content-manager.explorer.publish', POST)) return true
  const body = ctx.request.body ?? {}
  const stored = ctx.params.id ? await storedSchedule(strapi, ctx.params.id) : null
  const changes = (field: 'publishAt' | 'unpublishAt') => field in body && instant(body[field]) !== null && instant(body[field]) !== instant(stored?.[field])
  if (!changes('publishAt') && !changes('unpublishAt')) return true
  throw new errors.PolicyError('Only editors can schedule posts. Leave "Publish at" and "Unpublish at" empty, or ask an editor to schedule it.')
}
