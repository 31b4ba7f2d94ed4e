import type { PreviewClaims, PreviewType } from '@pressroom/types'
import { PREVIEW_AUDIENCE, sitePaths } from '@pressroom/types'
import type { Core, UID } from '@strapi/strapi'
import { SignJWT } from 'jose'
import type { PreviewConfig } from './config'

const PREVIEWABLE: Partial<Record<string, PreviewType>> = {
  'api::post.post': 'post',
  'api::author.author': 'author',
  'api::category.category': 'category',
}

/** The content types editors can preview on the site. */
export const PREVIEWABLE_TYPES = Object.keys(PREVIEWABLE)

/** A short-lived, signed link subject (HS256 JWT): the site opens the draft only while it is valid. */
export function signPreviewToken(config: PreviewConfig, claims: PreviewClaims): Promise<string> {
  return new SignJWT({ ...claims })
    .setProtectedHeader({ alg: 'HS256' })
    .setAudience(PREVIEW_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${config.lifetimeSeconds}s`)
    .sign(new TextEncoder().encode(config.secret))
}

interface PreviewParams {
  documentId?: string
  status?: string
}

/**
 * Strapi's preview handler (config/admin.ts): for a post's "Published" tab, its public page; otherwise a signed
 * link to the site's /api/preview, which opens the current draft. Authors and categories have no drafts, so their
 * link shows the page as saved, fresh from the CMS.
 */
export async function previewUrl(strapi: Core.Strapi, config: PreviewConfig, uid: string, { documentId, status }: PreviewParams): Promise<string | null> {
  const type = PREVIEWABLE[uid]
  if (!type || !documentId) return null
  if (status === 'published' && strapi.getModel(uid as UID.ContentType)?.options?.draftAndPublish) {
    const published = await strapi.documents(uid as UID.ContentType).findOne({ documentId, status: 'published', fields: ['slug'] } as never) as { slug?: string } | null
    return published?.slug ? `${config.siteUrl}${sitePaths[type](published.slug)}` : null
  }
  return `${config.siteUrl}/api/preview?token=${await signPreviewToken(config, { type, documentId })}`
}
