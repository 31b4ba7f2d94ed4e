import type { Core } from '@strapi/strapi'

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Middlewares => [
  'global::sql-query-count',
  // One JSON line per request (replaces strapi::logger's text lines).
  'global::request-log',
  'strapi::errors',
  'strapi::security',
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
