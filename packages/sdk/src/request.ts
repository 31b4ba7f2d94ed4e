import { ClientError, GraphQLClient } from 'graphql-request'
import type { PressroomError } from './errors.js'
import { AccessDeniedError, BadRequestError, CmsUnavailableError, RateLimitedError } from './errors.js'

export interface ClientOptions {
  /** The CMS's GraphQL endpoint, e.g. http://localhost:1337/graphql */
  url: string
  /** A Strapi API token. Without one you read what the public may read: published content only. */
  token?: string
  /** A fetch implementation (defaults to the global one). */
  fetch?: typeof fetch
  /** Give up on a request after this many milliseconds (default 10 000) and throw CmsUnavailableError. */
  timeoutMs?: number
  /** Extra headers sent with every request. */
  headers?: Record<string, string>
}

const BAD_REQUEST_CODES = new Set(['BAD_USER_INPUT', 'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_REQUEST'])

/** A GraphQL error response → the sdk's named error. */
function fromClientError(error: ClientError): PressroomError {
  const { status } = error.response
  const first = error.response.errors?.[0]
  const message = first?.message ?? `HTTP ${status}`
  const code = typeof first?.extensions?.code === 'string' ? first.extensions.code : ''
  if (status === 429) {
    const retryAfter = Number(error.response.headers?.get?.('retry-after') ?? first?.extensions?.retryAfterSeconds ?? 60)
    return new RateLimitedError(message, Number.isFinite(retryAfter) ? retryAfter : 60, { cause: error })
  }
  if (status >= 500 && !code.startsWith('GRAPHQL_')) return new CmsUnavailableError(`The CMS failed (HTTP ${status}): ${message}`, { cause: error })
  if (status === 401 || status === 403 || code === 'FORBIDDEN' || code === 'UNAUTHENTICATED') {
    return new AccessDeniedError(`The CMS refused the request: ${message}`, { cause: error })
  }
  if (status === 400 || BAD_REQUEST_CODES.has(code)) return new BadRequestError(message, { cause: error })
  return new CmsUnavailableError(`The CMS answered with an error: ${message}`, { cause: error })
}

/** Runs a request and turns every failure into a PressroomError. */
export type Guard = <Result>(run: (client: GraphQLClient, signal: AbortSignal) => Promise<Result>) => Promise<Result>

export function createGuardedClient(options: ClientOptions): Guard {
  const client = new GraphQLClient(options.url, {
    headers: { ...options.headers, ...(options.token ? { Authorization: `Bearer ${options.token}` } : {}) },
    ...(options.fetch ? { fetch: options.fetch } : {}),
  })
  const timeoutMs = options.timeoutMs ?? 10_000

  return async (run) => {
    try {
      return await run(client, AbortSignal.timeout(timeoutMs))
    }
    catch (error) {
      if (error instanceof ClientError) throw fromClientError(error)
      const reason = error instanceof Error ? error.message : String(error)
      throw new CmsUnavailableError(`The CMS at ${options.url} could not be reached: ${reason}`, { cause: error })
    }
  }
}
