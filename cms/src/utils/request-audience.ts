import type { Core } from '@strapi/strapi'

interface RequestState {
  route?: { info?: { type?: string } }
  auth?: { credentials?: unknown }
}

/**
 * True while serving an anonymous public-API request (REST or GraphQL, no API token, no user).
 * Admin-panel requests, token holders and scripts (no request at all) are not anonymous.
 */
export function isAnonymousContentApiRequest(strapi: Core.Strapi): boolean {
  const ctx = strapi.requestContext.get() as { state?: RequestState } | undefined
  const state = ctx?.state
  if (!state || state.route?.info?.type !== 'content-api') return false
  return !state.auth?.credentials
}

/** The same question for a GraphQL resolver, which gets the request state in its context. */
export function isAnonymousGraphqlContext(context: { state?: RequestState }): boolean {
  return !context.state?.auth?.credentials
}
