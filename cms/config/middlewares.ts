import type { Core } from '@strapi/strapi'
import { s3MediaOrigins, s3UploadSettings } from './plugins'

/** Strapi's own security headers; with S3 uploads the admin may also show images and media from the bucket. */
function security(env: Core.Config.Shared.ConfigParams['env']) {
  const s3 = s3UploadSettings(env)
  if (!s3) return 'strapi::security'
  const media = ["'self'", 'data:', 'blob:', 'market-assets.strapi.io', ...s3MediaOrigins(s3)]
  return {
    name: 'strapi::security',
    config: {
      contentSecurityPolicy: {
        useDefaults: true,
        directives: { 'connect-src': ["'self'", 'https:'], 'img-src': media, 'media-src': media, 'upgradeInsecureRequests': null },
      },
    },
  }
}

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Middlewares => [
  'global::sql-query-count',
  // One JSON line per request (replaces strapi::logger's text lines).
  'global::request-log',
  'strapi::errors',
  security(env),
  {
    name: 'strapi::cors',
    config: {
      // Browsers may call the API only from the site (and the admin on this origin); servers are unaffected.
      origin: env.array('CORS_ORIGINS', ['http://localhost:3000']),
      methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'],
      keepHeaderOnError: true,
    },
  },
  'strapi::poweredBy',
  'strapi::query',
  'strapi::body',
  // Before the response cache: cached answers count too.
  'global::graphql-rate-limit',
  // After body parsing (the cache key is the parsed query), after security headers and CORS.
  'global::graphql-response-cache',
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
]

export default config
