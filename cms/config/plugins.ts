import path from 'node:path'
import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit'
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases'
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled'
import type { Core } from '@strapi/strapi'
import type { GraphQLError, ValidationContext } from 'graphql'
import { GRAPHQL_LIMITS, PAGE_LIMITS } from '../src/utils/limits'

/** graphql-armor rules throw by default, which Apollo turns into a 500; report a 400 validation error instead. */
const asValidationError = {
  propagateOnRejection: false,
  onReject: [(context: ValidationContext | null, error: GraphQLError) => context?.reportError(error)],
}

const isDevelopment = (env: Core.Config.Shared.ConfigParams['env']) => env('NODE_ENV', 'development') === 'development'

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Plugin => ({
  'graphql': {
    config: {
      endpoint: '/graphql',
      shadowCRUD: true,
      // The Apollo Sandbox landing page is for local development only; production serves none at all.
      landingPage: isDevelopment(env) ? true : () => ApolloServerPluginLandingPageDisabled(),
      depthLimit: GRAPHQL_LIMITS.maxDepth,
      defaultLimit: PAGE_LIMITS.defaultPageSize,
      maxLimit: PAGE_LIMITS.maxPageSize,
      // `pnpm contract` sets GRAPHQL_SCHEMA_FILE to (re)write the committed SDL snapshot.
      generateArtifacts: Boolean(env('GRAPHQL_SCHEMA_FILE', '')),
      artifacts: {
        schema: env('GRAPHQL_SCHEMA_FILE', '') ? path.resolve(env('GRAPHQL_SCHEMA_FILE', '')) : false,
        typegen: false,
      },
      apolloServer: {
        // Third parties need introspection to generate their own types.
        introspection: true,
        // CORS is the global strapi::cors middleware's job (limited to the site); Apollo's own would allow any origin.
        cors: false,
        includeStacktraceInErrorResponses: isDevelopment(env),
        parseOptions: { maxTokens: GRAPHQL_LIMITS.maxTokens },
        // Appended to Strapi's own depth-limit rule.
        validationRules: [
          maxAliasesRule({ n: GRAPHQL_LIMITS.maxAliases, ...asValidationError }),
          costLimitRule({ maxCost: GRAPHQL_LIMITS.maxCost, ...asValidationError }),
        ],
      },
    },
  },
  'users-permissions': {
    config: {
      jwtManagement: 'refresh',
      sessions: { httpOnly: true },
    },
  },
  'upload': {
    config: {
      // Keep uploads to what a blog needs; SVG can carry scripts.
      security: {
        allowedTypes: ['image/*', 'application/pdf'],
        deniedTypes: ['image/svg+xml'],
      },
      ...s3UploadConfig(env),
    },
  },
})

type Env = Core.Config.Shared.ConfigParams['env']

export interface S3UploadSettings {
  bucket: string
  region: string
  endpoint?: string
  accessKeyId: string
  secretAccessKey: string
  /** Where browsers load the files from (a CDN or the bucket's public address); unset: the provider's own URL. */
  publicUrl?: string
  forcePathStyle: boolean
  acl?: string
}

const S3_REQUIRED = ['S3_BUCKET', 'S3_REGION', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const

/**
 * UPLOAD_PROVIDER=aws-s3 stores the Media Library in an S3-compatible bucket (AWS, MinIO, R2…), so several CMS
 * instances on several hosts share it; anything else (default `local`) keeps files in public/uploads. A missing
 * required setting stops the CMS at boot, naming every one that is missing.
 */
export function s3UploadSettings(env: Env): S3UploadSettings | null {
  const provider = env('UPLOAD_PROVIDER', 'local')
  if (provider === 'local' || provider === '') return null
  if (provider !== 'aws-s3') throw new Error(`Unsupported UPLOAD_PROVIDER "${provider}": use "local" (default) or "aws-s3".`)
  const missing = S3_REQUIRED.filter(name => !env(name, '').trim())
  if (missing.length > 0) throw new Error(`UPLOAD_PROVIDER=aws-s3 needs ${missing.join(', ')} (S3_ENDPOINT, S3_PUBLIC_URL and S3_FORCE_PATH_STYLE are optional).`)
  return {
    bucket: env('S3_BUCKET', ''),
    region: env('S3_REGION', ''),
    endpoint: env('S3_ENDPOINT', '') || undefined,
    accessKeyId: env('S3_ACCESS_KEY_ID', ''),
    secretAccessKey: env('S3_SECRET_ACCESS_KEY', ''),
    publicUrl: env('S3_PUBLIC_URL', '') || undefined,
    forcePathStyle: env.bool('S3_FORCE_PATH_STYLE', false),
    // No ACL header unless asked for: buckets made since 2023 (and R2) refuse ACLs; make the bucket public instead.
    acl: env('S3_ACL', '') || undefined,
  }
}

/** The origins the admin loads S3-hosted media from (for its Content-Security-Policy). */
export function s3MediaOrigins(settings: S3UploadSettings): string[] {
  if (settings.publicUrl) return [new URL(settings.publicUrl).origin]
  if (settings.endpoint) {
    const endpoint = new URL(settings.endpoint.startsWith('http') ? settings.endpoint : `https://${settings.endpoint}`)
    return settings.forcePathStyle ? [endpoint.origin] : [endpoint.origin, `${endpoint.protocol}//${settings.bucket}.${endpoint.host}`]
  }
  return [`https://${settings.bucket}.s3.amazonaws.com`, `https://${settings.bucket}.s3.${settings.region}.amazonaws.com`]
}

function s3UploadConfig(env: Env) {
  const settings = s3UploadSettings(env)
  if (!settings) return {}
  return {
    provider: 'aws-s3',
    providerOptions: {
      baseUrl: settings.publicUrl,
      s3Options: {
        credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey },
        region: settings.region,
        ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
        forcePathStyle: settings.forcePathStyle,
        // `ACL` must be present (even undefined) or the provider adds public-read.
        params: { Bucket: settings.bucket, ACL: settings.acl },
      },
    },
    actionOptions: { upload: {}, uploadStream: {}, delete: {} },
  }
}

export default config
