import { inject } from 'vitest'

/** The admin API the admin panel's pages call, as an editor signed in to the test CMS. */
const EDITOR = { firstname: 'Erin', lastname: 'Editor', email: 'erin@example.com', password: 'Editor-Passw0rd!' }
export const POSTS = '/content-manager/collection-types/api::post.post'

let token: Promise<string> | undefined

/** The first-admin form of a fresh install on first use; a sign-in after that (one CMS serves every test file). */
async function signIn(): Promise<string> {
  const url = inject('cmsUrl')
  const registered = await fetch(`${url}/admin/register-admin`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(EDITOR) })
  const response = registered.ok
    ? registered
    : await fetch(`${url}/admin/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: EDITOR.email, password: EDITOR.password }) })
  if (!response.ok) throw new Error(`Could not sign in to the test CMS's admin: ${response.status} ${await response.text()}`)
  return ((await response.json()) as { data: { token: string } }).data.token
}

export async function admin(method: string, pathAndQuery: string, body?: unknown) {
  token ??= signIn()
  const response = await fetch(`${inject('cmsUrl')}${pathAndQuery}`, {
    method,
    headers: { 'authorization': `Bearer ${await token}`, ...(body instanceof FormData ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : body instanceof FormData ? body : JSON.stringify(body),
  })
  return { status: response.status, body: await response.json().catch(() => null) as Record<string, any> }
}
