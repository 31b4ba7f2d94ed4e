import type { NuxtError } from '#app'

/**
 * Turns a failed data load into the page's own error, keeping the API's status (404 unknown slug or page number,
 * 400 bad query, 503 CMS down) and, below 500, its message for the visitor ("There is no page 999…").
 */
export function failPageUnlessLoaded(data: unknown, error: NuxtError | null | undefined): void {
  if (!error && data) return
  const statusCode = error?.statusCode ?? 503
  const body = error?.data as { message?: unknown } | undefined
  const message = statusCode < 500 && typeof body?.message === 'string' ? body.message : undefined
  throw createError({ statusCode, statusMessage: error?.statusMessage ?? 'Service Unavailable', message, fatal: true })
}
