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

/**
 * A new admin user with one of Strapi's roles (`strapi-author`, `strapi-editor`), invited by the test editor and
 * registered with a password, the way a colleague joins; returns the admin API as that user.
 */
export async function adminUserWithRole(url: string, inviter: AdminApi, roleCode: string, person: { firstname: string, lastname: string, email: string }): Promise<AdminApi> {
  const roles = await inviter('GET', '/admin/roles')
  const role = (roles.body.data as Array<{ id: number, code: string }>).find(candidate => candidate.code === roleCode)
  if (!role) throw new Error(`No admin role ${roleCode}`)
  const invited = await inviter('POST', '/admin/users', { ...person, roles: [role.id] })
  if (invited.status !== 201) throw new Error(`Inviting ${person.email} failed: ${invited.status} ${JSON.stringify(invited.body)}`)
  const password = 'Colleague-Passw0rd!'
  const registered = await fetch(`${url}/admin/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ registrationToken: invited.body.data.registrationToken, userInfo: { firstname: person.firstname, lastname: person.lastname, password } }),
  })
  if (!registered.ok) throw new Error(`Registering ${person.email} failed: ${registered.status} ${await registered.text()}`)
  const token = ((await registered.json()) as { data: { token: string } }).data.token
  return async (method, pathAndQuery, body) => {
    const response = await fetch(`${url}${pathAndQuery}`, {
      method,
      headers: { 'authorization': `Bearer ${token}`, ...(body instanceof FormData ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : body instanceof FormData ? body : JSON.stringify(body),
    })
    return { status: response.status, headers: response.headers, body: await response.json().catch(() => null) as Record<string, any> }
  }
}
