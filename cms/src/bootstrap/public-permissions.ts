import type { Core } from '@strapi/strapi'

/**
 * Everything an anonymous visitor of the API may do — and nothing else. Synced on every boot, so a
 * permission ticked by hand in the admin (Settings → Roles → Public) does not survive a restart: widen
 * public access here, in review, not by accident. No sign-up or login routes: the blog has no reader accounts.
 */
export const PUBLIC_ACTIONS = [
  'api::post.post.find',
  'api::post.post.findOne',
  'api::author.author.find',
  'api::author.author.findOne',
  'api::category.category.find',
  'api::category.category.findOne',
  // Where old addresses now lead: the site asks before rendering (a redirect's note is private).
  'api::redirect.redirect.find',
  'api::redirect.redirect.findOne',
] as const

const ROLE = 'plugin::users-permissions.role'
const PERMISSION = 'plugin::users-permissions.permission'

export async function syncPublicPermissions(strapi: Core.Strapi): Promise<void> {
  const role = await strapi.db.query(ROLE).findOne({ where: { type: 'public' } })
  if (!role) throw new Error('The users-permissions "public" role is missing; the database looks incomplete.')

  const granted = await strapi.db.query(PERMISSION).findMany({ where: { role: role.id }, select: ['id', 'action'] })
  const wanted = new Set<string>(PUBLIC_ACTIONS)
  const extra = granted.filter(permission => !wanted.has(permission.action))
  const have = new Set(granted.map(permission => permission.action))
  const missing = PUBLIC_ACTIONS.filter(action => !have.has(action))

  if (extra.length > 0) {
    await strapi.db.query(PERMISSION).deleteMany({ where: { id: { $in: extra.map(permission => permission.id) } } })
  }
  for (const action of missing) {
    await strapi.db.query(PERMISSION).create({ data: { action, role: role.id } })
  }
  if (extra.length + missing.length > 0) {
    strapi.log.info(`Public API permissions synced: ${PUBLIC_ACTIONS.length} read actions, removed ${extra.length} other.`)
  }
}
