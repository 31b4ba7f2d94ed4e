import type { Core, UID } from '@strapi/strapi'
import { SCHEDULE_FIELDS } from '../scheduling/store'

const POST = 'api::post.post'
const EXPLORER = 'plugin::content-manager.explorer'
const OWN = ['admin::is-creator']
const UPLOADS = ['plugin::upload.read', 'plugin::upload.configure-view', 'plugin::upload.assets.create', 'plugin::upload.assets.update', 'plugin::upload.assets.download', 'plugin::upload.assets.copy-link']

interface Permission {
  action: string
  subject?: string | null
  properties?: { fields?: string[] }
  conditions?: string[]
}

/** Every editable field of a content type, components spelled out (`seo.metaTitle`), as role permissions list them. */
function fieldsOf(strapi: Core.Strapi, uid: string): string[] {
  const attributes = strapi.getModel(uid as UID.ContentType).attributes as Record<string, { type: string, component?: string, private?: boolean, configurable?: boolean }>
  return Object.entries(attributes).flatMap(([name, attribute]) => {
    if (attribute.type === 'component' && attribute.component) {
      return Object.keys(strapi.getModel(attribute.component as UID.Component).attributes).map(sub => `${name}.${sub}`)
    }
    return ['createdAt', 'updatedAt', 'publishedAt', 'createdBy', 'updatedBy', 'locale', 'localizations'].includes(name) ? [] : [name]
  })
}

const on = (subject: string, actions: string[], fields: string[] | null, conditions: string[] = []): Permission[] =>
  actions.map(action => ({ action: `${EXPLORER}.${action}`, subject, properties: fields && action !== 'delete' && action !== 'publish' ? { fields } : {}, conditions }))

/**
 * Strapi's Author and Editor roles, configured from code like the public role and synced on every boot.
 * - Editor: everything on posts (including publish, schedule and delete), authors, categories, redirects and media.
 * - Author: writes drafts, sees and edits only their own posts, never publishes, schedules or deletes; picks authors
 *   and categories; uploads images. Redirects are not theirs to touch.
 */
export function rolePermissions(strapi: Core.Strapi): Record<'strapi-editor' | 'strapi-author', Permission[]> {
  const postFields = fieldsOf(strapi, POST)
  // The schedule is publishing later: only those who may publish may set it.
  const draftFields = postFields.filter(field => !SCHEDULE_FIELDS.includes(field))
  const taxonomy = ['api::author.author', 'api::category.category']
  return {
    'strapi-editor': [
      ...on(POST, ['create', 'read', 'update', 'delete', 'publish'], postFields),
      ...[...taxonomy, 'api::redirect.redirect'].flatMap(uid => on(uid, ['create', 'read', 'update', 'delete'], fieldsOf(strapi, uid))),
      ...UPLOADS.map(action => ({ action })),
    ],
    'strapi-author': [
      ...on(POST, ['create'], draftFields),
      ...on(POST, ['read', 'update'], draftFields, OWN),
      ...taxonomy.flatMap(uid => on(uid, ['read'], fieldsOf(strapi, uid))),
      ...UPLOADS.map(action => ({ action, conditions: action === 'plugin::upload.assets.update' ? OWN : [] })),
    ],
  }
}

export async function syncAdminRoles(strapi: Core.Strapi): Promise<void> {
  const roles = strapi.service('admin::role') as unknown as { assignPermissions: (id: number, permissions: Permission[]) => Promise<unknown> }
  for (const [code, permissions] of Object.entries(rolePermissions(strapi))) {
    const role = await strapi.db.query('admin::role').findOne({ where: { code } }) as { id: number } | null
    if (!role) {
      strapi.log.warn(`[roles] the admin role ${code} is missing; it cannot be configured`)
      continue
    }
    await roles.assignPermissions(role.id, permissions)
  }
}
