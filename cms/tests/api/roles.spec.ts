import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { AdminApi } from '../../../testing/admin-api'
import { adminApi, adminUserWithRole } from '../../../testing/admin-api'
import { admin, POSTS } from '../support/admin'

// Who may do what, with real admin users of Strapi's Author and Editor roles (configured from code on every boot).
const REDIRECTS = '/content-manager/collection-types/api::redirect.redirect'
const paragraph = (text: string) => [{ type: 'paragraph', children: [{ type: 'text', text }] }]
const inAnHour = () => new Date(Date.now() + 3_600_000).toISOString()
let author: AdminApi
let editor: AdminApi
let byline = ''
let colleaguesPost = ''
const created: string[] = []

async function draftBy(as: AdminApi, slug: string): Promise<string> {
  const response = await as('POST', POSTS, { title: `Roles: ${slug}`, slug, body: paragraph('A draft.'), author: { connect: [{ documentId: byline }] } })
  expect(response.status, JSON.stringify(response.body)).toBe(201)
  created.push(response.body.data.documentId)
  return response.body.data.documentId
}

beforeAll(async () => {
  const url = inject('cmsUrl')
  const stamp = Date.now()
  author = await adminUserWithRole(url, adminApi(url), 'strapi-author', { firstname: 'Gus', lastname: 'Guest', email: `guest-author-${stamp}@example.com` })
  editor = await adminUserWithRole(url, adminApi(url), 'strapi-editor', { firstname: 'Eve', lastname: 'Editor', email: `editor-${stamp}@example.com` })
  byline = (await admin('GET', '/content-manager/collection-types/api::author.author?pageSize=1')).body.results[0].documentId
  colleaguesPost = await draftBy(admin, 'roles-a-colleagues-post')
})

afterAll(async () => {
  for (const documentId of created) await admin('DELETE', `${POSTS}/${documentId}`)
})

describe('an Author (a guest writer)', () => {
  let own = ''

  it('creates and edits their own draft, choosing a byline and categories', async () => {
    own = await draftBy(author, 'roles-a-guest-draft')
    const categories = await author('GET', '/content-manager/collection-types/api::category.category?pageSize=1')
    expect(categories.status).toBe(200)
    const current = await author('GET', `${POSTS}/${own}`)
    const edited = await author('PUT', `${POSTS}/${own}`, { ...current.body.data, title: 'Roles: edited by its author', categories: { connect: [{ documentId: categories.body.results[0].documentId }] } })
    expect(edited.status).toBe(200)
    expect(edited.body.data.title).toBe('Roles: edited by its author')
    expect((await author('GET', `/pressroom/posts/${own}/versions`)).body.meta.total).toBe(2)
  })

  it('is refused (403) publishing, scheduling, deleting, a colleague\'s post and redirects', async () => {
    expect((await author('POST', `${POSTS}/${own}/actions/publish`, {})).status).toBe(403)
    const scheduled = await author('PUT', `${POSTS}/${own}`, { title: 'Roles: scheduled by its author', publishAt: inAnHour() })
    expect(scheduled.status).toBe(403)
    expect(scheduled.body.error.message).toBe('Only editors can schedule posts. Leave "Publish at" and "Unpublish at" empty, or ask an editor to schedule it.')
    expect((await author('POST', POSTS, { title: 'Roles: born scheduled', slug: 'roles-born-scheduled', body: paragraph('x'), publishAt: inAnHour() })).status).toBe(403)
    expect((await author('DELETE', `${POSTS}/${own}`)).status).toBe(403)
    expect((await author('GET', `${POSTS}/${colleaguesPost}`)).status).toBe(403)
    expect((await author('PUT', `${POSTS}/${colleaguesPost}`, { title: 'Roles: taken over' })).status).toBe(403)
    expect((await author('GET', `/pressroom/posts/${colleaguesPost}/versions`)).status).toBe(403)
    // The trash is for those who may delete: an Author can neither list it nor bring a colleague's post back.
    const deleted = await draftBy(admin, 'roles-deleted-by-an-editor')
    expect((await admin('DELETE', `${POSTS}/${deleted}`)).status).toBe(200)
    expect((await author('GET', '/pressroom/trash')).status).toBe(403)
    expect((await author('POST', `/pressroom/trash/${deleted}/restore`)).status).toBe(403)
    expect((await author('GET', `/pressroom/posts/${deleted}/versions`)).status).toBe(403)
    expect((await admin('POST', `/pressroom/trash/${deleted}/restore`)).status).toBe(200)
    expect((await author('GET', REDIRECTS)).status).toBe(403)
    expect((await author('POST', REDIRECTS, { from: '/guest', to: '/posts/x', statusCode: 301 })).status).toBe(403)

    const untouched = await admin('GET', `${POSTS}/${colleaguesPost}`)
    expect(untouched.body.data.title).toBe('Roles: roles-a-colleagues-post')
    expect((await admin('GET', `${POSTS}/${own}`)).body.data).toMatchObject({ status: 'draft', publishAt: null, title: 'Roles: edited by its author' })
  })
})

describe('an Editor', () => {
  it('publishes, schedules, edits anyone\'s post, deletes and manages redirects', async () => {
    const guest = created[1]!
    expect((await editor('POST', `${POSTS}/${guest}/actions/publish`, {})).status).toBe(200)
    expect((await editor('PUT', `${POSTS}/${colleaguesPost}`, { title: 'Roles: edited by an editor', publishAt: inAnHour() })).status).toBe(200)
    expect((await admin('GET', `${POSTS}/${colleaguesPost}`)).body.data).toMatchObject({ title: 'Roles: edited by an editor', scheduleStatus: 'scheduled' })
    const redirect = await editor('POST', REDIRECTS, { from: '/roles-old-page', to: '/posts/roles-a-guest-draft', statusCode: 301 })
    expect(redirect.status).toBe(201)
    expect((await editor('DELETE', `${REDIRECTS}/${redirect.body.data.documentId}`)).status).toBe(200)
    expect((await editor('DELETE', `${POSTS}/${guest}`)).status).toBe(200)
    expect((await editor('POST', `/pressroom/trash/${guest}/restore`)).status).toBe(200)
  })
})
