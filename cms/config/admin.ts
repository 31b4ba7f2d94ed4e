import type { Core } from '@strapi/strapi'
import { previewConfig } from '../src/preview/config'
import { previewUrl } from '../src/preview/preview-url'
import { requireSecret } from '../src/utils/env-secret'

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Admin => {
  const preview = previewConfig()
  return {
    url: '/admin',
    auth: { secret: requireSecret(env, 'ADMIN_JWT_SECRET') },
    apiToken: { salt: requireSecret(env, 'API_TOKEN_SALT') },
    transfer: { token: { salt: requireSecret(env, 'TRANSFER_TOKEN_SALT') } },
    secrets: { encryptionKey: requireSecret(env, 'ENCRYPTION_KEY') },
    // Strapi's brake on sign-in attempts (5 per 5 minutes per address and e-mail). The test CMS turns it off: its
    // test files sign in many times from one address.
    rateLimit: { enabled: env.bool('ADMIN_RATE_LIMIT', true) },
    flags: {
      nps: env.bool('FLAG_NPS', false),
      promoteEE: env.bool('FLAG_PROMOTE_EE', false),
    },
    // Strapi's Preview panel opens the site's real page for a draft (src/preview/). Off without PREVIEW_SECRET.
    preview: {
      enabled: preview !== null,
      config: {
        // The admin may frame only the site.
        allowedOrigins: preview ? [new URL(preview.siteUrl).origin] : [],
        handler: (uid: string, params: { documentId?: string, status?: string }) => (preview ? previewUrl(strapi, preview, uid, params) : null),
      },
    },
  }
}

export default config
