/** The admin API the admin panel's pages call, as an editor signed in to a test or benchmark CMS. */
const EDITOR = { firstname: 'Erin', lastname: 'Editor', email: 'erin@example.com', password: 'Editor-Passw0rd!' }
export const POSTS = '/content-manager/collection-types/api::post.post'

export interface AdminResponse {
  status: number
  headers: Headers
  body: Record<string, any>
}

export type AdminApi = (method: string, pathAndQuery: string, body?: unknown) => Promise<AdminResponse>

/** The first-admin form of a fresh install on first use; a sign-in after that (several CMS processes may share a database). */
async function signIn(url: string): Promise<string> {
  const json = { 'content-type': 'application/json' }
  const registered = await fetch(`${url}/admin/register-admin`, { method: 'POST', headers: json, body: JSON.stringify(EDITOR) })
  const response = registered.ok
    ? registered
    : await fetch(`${url}/admin/login`, { method: 'POST', headers: json, body: JSON.stringify({ email: EDITOR.email, password: EDITOR.password }) })
  if (!response.ok) throw new Error(`Could not sign in to the CMS's admin at ${url}: ${response.status} ${await response.text()}`)
  return ((await response.json()) as { data: { token: string } }).data.token
}

/** Calls the admin API of the CMS at `url`, signing in on first use. */
export function adminApi(url: string): AdminApi {
  let token: Promise<string> | undefined
  return async (method, pathAndQuery, body) => {
    token ??= signIn(url)
    const response = await fetch(`${url}${pathAndQuery}`, {
      method,
      headers: { 'authorization': `Bearer ${await token}`, ...(body instanceof FormData ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : body instanceof FormData ? body : JSON.stringify(body),
    })
    return { status: response.status, headers: response.headers, body: await response.json().catch(() => null) as Record<string, any> }
  }
}
