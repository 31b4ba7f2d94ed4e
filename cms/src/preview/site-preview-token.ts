import type { Core } from '@strapi/strapi'
import { previewOffReason } from './config'

const NAME = 'Site preview (read-only)'

interface ApiTokenService {
  hash: (accessKey: string) => string
}

/**
 * The read-only API token the site's server reads drafts with in preview mode. Its key comes from the environment
 * (SITE_PREVIEW_TOKEN here, NUXT_CMS_PREVIEW_TOKEN in the site), so both sides are configured in one place; the
 * token is (re)created on every boot, and a key changed in the environment replaces the stored one.
 */
export async function syncSitePreviewToken(strapi: Core.Strapi): Promise<void> {
  const off = previewOffReason()
  if (off && process.env.PREVIEW_SECRET) strapi.log.info(`[preview] off in this process: ${off}`)
  const accessKey = process.env.SITE_PREVIEW_TOKEN?.trim()
  if (!accessKey) return
  if (accessKey.length < 32) throw new Error('SITE_PREVIEW_TOKEN must be at least 32 characters long: it lets the site read drafts.')
  const hashed = (strapi.service('admin::api-token') as unknown as ApiTokenService).hash(accessKey)
  const tokens = strapi.db.query('admin::api-token')
  const existing = await tokens.findOne({ where: { name: NAME } }) as { id: number, accessKey: string, type: string } | null
  const data = {
    name: NAME,
    description: 'Lets the site show drafts in preview. Managed by the CMS from SITE_PREVIEW_TOKEN: changes here are undone on restart.',
    type: 'read-only',
    kind: 'content-api',
    accessKey: hashed,
    lifespan: null,
    expiresAt: null,
  }
  if (!existing) await tokens.create({ data })
  else if (existing.accessKey !== hashed || existing.type !== 'read-only') await tokens.update({ where: { id: existing.id }, data })
}
