import type { Core } from '@strapi/strapi'
import { requireSecret } from '../src/utils/env-secret'

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Server => ({
  host: env('HOST', '0.0.0.0'),
  port: env.int('PORT', 1337),
  // The public URL of the CMS, used for absolute media URLs and the admin; defaults to localhost.
  url: env('CMS_PUBLIC_URL', `http://localhost:${env.int('PORT', 1337)}`),
  app: { keys: requireSecret(env, 'APP_KEYS').split(',') },
  proxy: env.bool('CMS_BEHIND_PROXY', false),
  logger: { updates: { enabled: false }, startup: { enabled: false } },
  webhooks: { populateRelations: false },
  // The folder served at / and holding uploads/ (local upload provider); tests give each CMS its own.
  dirs: { public: env('CMS_PUBLIC_DIR', './public') },
})

export default config
