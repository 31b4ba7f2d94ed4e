import { inject } from 'vitest'
import type { AdminApi } from '../../../testing/admin-api'
import { adminApi } from '../../../testing/admin-api'

export { POSTS } from '../../../testing/admin-api'

const sessions = new Map<string, AdminApi>()

/** Calls the admin API of the CMS at `url` (a test's own CMS on the shared database), as the test editor. */
export function adminAt(url: string, method: string, pathAndQuery: string, body?: unknown) {
  if (!sessions.has(url)) sessions.set(url, adminApi(url))
  return sessions.get(url)!(method, pathAndQuery, body)
}

/** Calls the admin API of the run's shared CMS. */
export function admin(method: string, pathAndQuery: string, body?: unknown) {
  return adminAt(inject('cmsUrl'), method, pathAndQuery, body)
}
