import type { PressroomClient } from '@pressroom/sdk'
import { BadRequestError, CmsUnavailableError, createClient, NotFoundError, RateLimitedError } from '@pressroom/sdk'

let client: PressroomClient | undefined

/** The secret the site shares with the CMS marks its own requests, which the CMS's rate limit lets through. */
export function siteKeyHeaders(): Record<string, string> | undefined {
  const secret = useRuntimeConfig().webhookSecret
  return secret ? { 'x-pressroom-site-key': secret } : undefined
}

/** An sdk client for the CMS configured from runtime config, reading with `token` (none: what the public sees). */
export function createSiteClient(token: string | undefined): PressroomClient {
  const config = useRuntimeConfig()
  return createClient({
    url: config.cmsGraphqlUrl,
    token: token || undefined,
    mediaBaseUrl: cmsMediaOrigin(),
    timeoutMs: 5_000,
    fetch: passRequestId,
    headers: siteKeyHeaders(),
  })
}

/** The CMS logs the visitor's request id beside its own line, so one id follows a request across both apps. */
const passRequestId: typeof fetch = (input, init) => {
  const id = currentRequestId()
  if (!id) return fetch(input, init)
  const headers = new Headers(init?.headers)
  headers.set('x-request-id', id)
  return fetch(input, { ...init, headers })
}

/** The only place the site talks to the CMS (with usePreviewCms for drafts): one sdk client for published content. */
export function useCms(): PressroomClient {
  client ??= createSiteClient(useRuntimeConfig().cmsToken)
  return client
}

/** Where browsers load uploaded images from: NUXT_CMS_MEDIA_URL (the CMS's public address), else the API's origin. */
export function cmsMediaOrigin(): string {
  const config = useRuntimeConfig()
  return new URL(config.cmsMediaUrl || config.cmsGraphqlUrl).origin
}

/** The admin's origin as editors' browsers see it (NUXT_CMS_ADMIN_ORIGIN, else the CMS's public address): it may frame previews. */
export function cmsAdminOrigin(): string {
  const configured = useRuntimeConfig().cmsAdminOrigin
  return configured ? new URL(configured).origin : cmsMediaOrigin()
}

/** Seconds a visitor is asked to wait before retrying while the CMS is down. */
export const RETRY_AFTER_SECONDS = 30

/** The sdk's named errors → HTTP errors with a message fit for a visitor. */
export function toHttpError(error: unknown) {
  if (error instanceof NotFoundError) return createError({ statusCode: 404, statusMessage: 'Not Found', message: error.message })
  if (error instanceof BadRequestError) return createError({ statusCode: 400, statusMessage: 'Bad Request', message: error.message })
  if (error instanceof CmsUnavailableError || error instanceof RateLimitedError) {
    console.error(`[cms] ${error.message}`)
    return createError({ statusCode: 503, statusMessage: 'Service Unavailable', message: 'The blog is briefly unavailable.', data: { retryAfter: RETRY_AFTER_SECONDS } })
  }
  console.error('[cms] unexpected error', error)
  return createError({ statusCode: 500, statusMessage: 'Internal Server Error', message: 'Something went wrong.' })
}

/** Runs a CMS call for a route handler, turning failures into HTTP errors (and Retry-After on 503). */
export async function fromCms<T>(event: Parameters<typeof setResponseHeader>[0], call: (cms: PressroomClient) => Promise<T>): Promise<T> {
  // In preview mode every answer is private, so the route cache never stores it (see server/utils/preview.ts).
  if (event.context.preview) setResponseHeader(event, 'cache-control', 'private, no-store')
  try {
    return await call(useCms())
  }
  catch (error) {
    const httpError = toHttpError(error)
    if (httpError.statusCode === 503) setResponseHeader(event, 'Retry-After', RETRY_AFTER_SECONDS)
    throw httpError
  }
}
