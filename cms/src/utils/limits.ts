/**
 * The public API's limits, in one place: REST and GraphQL read them from here, the docs quote them,
 * and the tests prove them. Strapi's own defaults are unbounded.
 */
export const PAGE_LIMITS = {
  /** Items per page when a client does not ask. */
  defaultPageSize: 10,
  /** The most items one request can return; larger requests (and `limit: -1`) are capped to this. */
  maxPageSize: 100,
} as const

export const GRAPHQL_LIMITS = {
  /** Nesting depth of fields; the site's deepest query needs 5. */
  maxDepth: 7,
  /** Aliases per operation: stops one request from fanning out into hundreds of resolver calls. */
  maxAliases: 15,
  /** Computed cost per operation (graphql-armor's cost model: objects 2, scalars 1, times depth factor). */
  maxCost: 5000,
  /** Tokens the parser reads before giving up: stops huge documents before validation even starts. */
  maxTokens: 2000,
} as const

/** /graphql request rates (middlewares/graphql-rate-limit.ts). 0 turns the limit off. The site is exempt. */
export const RATE_LIMITS = {
  windowSeconds: () => Number(process.env.RATE_LIMIT_WINDOW_SECONDS ?? 60),
  /** Requests per window from one IP without a token. */
  anonymousPerWindow: () => Number(process.env.RATE_LIMIT_PER_MINUTE ?? 60),
  /** Requests per window with one valid API token. */
  tokenPerWindow: () => Number(process.env.RATE_LIMIT_TOKEN_PER_MINUTE ?? 600),
} as const
