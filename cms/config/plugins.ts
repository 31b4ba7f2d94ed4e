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
    },
  },
})

export default config
