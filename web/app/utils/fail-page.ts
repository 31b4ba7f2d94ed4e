import type { NuxtError } from '#app'

/**
 * Turns a failed data load into the page's own error, keeping the API's status (404 unknown slug, 400 bad
 * query, 503 CMS down), so every page answers with the status its error page describes.
 */
export function failPageUnlessLoaded(data: unknown, error: NuxtError | null | undefined): void {
  if (!error && data) return
  throw createError({ statusCode: error?.statusCode ?? 503, statusMessage: error?.statusMessage ?? 'Service Unavailable', fatal: true })
}
