import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { RunningCms } from '../../../testing/cms-server'
import { startCms } from '../../../testing/cms-server'
import { admin, adminAt, POSTS } from '../support/admin'
import { graphql, rest } from '../support/graphql'

// Post history and the trash, through the admin API the panels use, on the run's CMS (and, for pruning, a CMS of
// its own with a small bound).
const paragraph = (text: string) => [{ type: 'paragraph', children: [{ type: 'text', text }] }]
const created: string[] = []
let authorDocumentId = ''

async function writePost(slug: string, text: string): Promise<string> {
  const response = await admin('POST', POSTS, { title: `History: ${slug}`, slug, body: paragraph(text), author: { connect: [{ documentId: authorDocumentId }] } })
  expect(response.status).toBe(201)
  created.push(response.body.data.documentId)
  return response.body.data.documentId
}

async function edit(documentId: string, changes: Record<string, unknown>, as = admin) {
  const current = await as('GET', `${POSTS}/${documentId}`)
  const saved = await as('PUT', `${POSTS}/${documentId}`, { ...current.body.data, ...changes })
  expect(saved.status).toBe(200)
}

const versions = async (documentId: string, as = admin) => (await as('GET', `/pressroom/posts/${documentId}/versions`)).body as { data: Array<{ id: number, actor: string, status: string, note: string | null }>, meta: { total: number } }
const version = async (documentId: string, id: number) => (await admin('GET', `/pressroom/posts/${documentId}/versions/${id}`)).body.data as { post: { title: string, slug: string, author: { name: string } | null }, bodyHtml: string, status: string }
const publicPost = async (slug: string) => (await graphql(`{ posts(filters: { slug: { eq: "${slug}" } }) { title bodyHtml } }`)).body.data!.posts[0] as { title: string, bodyHtml: string } | undefined

beforeAll(async () => {
  const authors = await admin('GET', '/content-manager/collection-types/api::author.author?pageSize=1')
  authorDocumentId = authors.body.results[0].documentId
})

afterAll(async () => {
  for (const documentId of created) await admin('DELETE', `${POSTS}/${documentId}`)
})

describe('post history', () => {
  let documentId = ''

  it('keeps a version of every save, with who made it and what it said; an unchanged save adds none', async () => {
    documentId = await writePost('history-three-edits', 'The first draft.')
    for (const [index, text] of ['The second draft.', 'The third draft.', 'The fourth draft.'].entries()) {
      await edit(documentId, { title: `History, edit ${index + 1}`, body: paragraph(text) })
    }
    const before = await versions(documentId)
    expect(before.meta.total).toBe(4)
    await edit(documentId, {})
    expect((await versions(documentId)).meta.total).toBe(4)

    const [fourth, third, second, first] = before.data
    for (const [entry, title, text] of [[second!, 'History, edit 1', 'The second draft.'], [third!, 'History, edit 2', 'The third draft.'], [fourth!, 'History, edit 3', 'The fourth draft.']] as const) {
      expect(entry).toMatchObject({ actor: 'Erin Editor', status: 'draft' })
      const detail = await version(documentId, entry.id)
      expect(detail.post.title).toBe(title)
      expect(detail.bodyHtml).toBe(`<p>${text}</p>`)
      expect(detail.post.author?.name).toBeTruthy()
    }
    expect((await version(documentId, first!.id)).bodyHtml).toBe('<p>The first draft.</p>')
  })

  it('restores a version as the draft; the live post is unchanged until an editor publishes', async () => {
    expect((await admin('POST', `${POSTS}/${documentId}/actions/publish`, {})).status).toBe(200)
    // The first publish (which also fills in the publication date) adds one version, not two.
    const afterPublish = await versions(documentId)
    expect(afterPublish.meta.total).toBe(5)
    expect(afterPublish.data[0]!.status).toBe('published')
    expect((await publicPost('history-three-edits'))?.bodyHtml).toBe('<p>The fourth draft.</p>')

    const first = (await versions(documentId)).data.at(-1)!
    const restored = await admin('POST', `/pressroom/posts/${documentId}/versions/${first.id}/restore`)
    expect(restored.status).toBe(200)
    expect(restored.body.data).toEqual({ documentId, slug: 'history-three-edits', missing: [] })

    const draft = await admin('GET', `${POSTS}/${documentId}`)
    expect(draft.body.data).toMatchObject({ title: 'History: history-three-edits', status: 'modified' })
    expect(draft.body.data.body).toEqual(paragraph('The first draft.'))
    expect((await publicPost('history-three-edits'))?.bodyHtml).toBe('<p>The fourth draft.</p>')
    const newest = (await versions(documentId)).data[0]!
    expect(newest).toMatchObject({ status: 'draft', actor: 'Erin Editor' })
    expect(newest.note).toMatch(/^Restored from the version of \d{4}-\d\d-\d\d \d\d:\d\d UTC$/)

    expect((await admin('POST', `${POSTS}/${documentId}/actions/publish`, {})).status).toBe(200)
    expect((await publicPost('history-three-edits'))?.bodyHtml).toBe('<p>The first draft.</p>')
  })

  it('keeps deleted posts in the trash, and brings one back with its documentId and address', async () => {
    const deleted = await writePost('history-deleted-and-back', 'Deleted by mistake.')
    expect((await admin('POST', `${POSTS}/${deleted}/actions/publish`, {})).status).toBe(200)
    expect((await admin('DELETE', `${POSTS}/${deleted}`)).status).toBe(200)
    expect(await publicPost('history-deleted-and-back')).toBeUndefined()

    const trash = (await admin('GET', '/pressroom/trash')).body.data as Array<{ documentId: string, title: string, wasPublished: boolean, actor: string }>
    expect(trash.find(item => item.documentId === deleted)).toMatchObject({ title: 'History: history-deleted-and-back', wasPublished: true, actor: 'Erin Editor' })

    const back = await admin('POST', `/pressroom/trash/${deleted}/restore`)
    expect(back.status).toBe(200)
    expect(back.body.data).toMatchObject({ documentId: deleted, slug: 'history-deleted-and-back' })
    expect(((await admin('GET', '/pressroom/trash')).body.data as Array<{ documentId: string }>).some(item => item.documentId === deleted)).toBe(false)
    const draft = await admin('GET', `${POSTS}/${deleted}`)
    expect(draft.body.data).toMatchObject({ documentId: deleted, status: 'draft', title: 'History: history-deleted-and-back' })
    expect((await versions(deleted)).data.map(entry => entry.status).slice(0, 2)).toEqual(['draft', 'deleted'])

    expect((await admin('POST', `${POSTS}/${deleted}/actions/publish`, {})).status).toBe(200)
    expect((await publicPost('history-deleted-and-back'))?.bodyHtml).toBe('<p>Deleted by mistake.</p>')
    expect((await admin('POST', `/pressroom/trash/${deleted}/restore`)).status).toBe(400)
  })

  it('is not readable by the public API, by any route', async () => {
    const schema = await graphql('{ __schema { types { name } queryType { fields { name } } } }')
    const names = JSON.stringify(schema.body.data).toLowerCase()
    expect(names).not.toMatch(/version|trash|history/)
    for (const path of [`/pressroom/posts/${documentId}/versions`, '/pressroom/trash', `/api/pressroom/posts/${documentId}/versions`, '/api/pressroom_post_versions']) {
      const anonymous = await rest(path)
      expect([401, 403, 404], path).toContain(anonymous.status)
      const withToken = await rest(path, inject('apiToken'))
      expect([401, 403, 404], path).toContain(withToken.status)
    }
    const restore = await fetch(`${inject('cmsUrl')}/pressroom/posts/${documentId}/versions/1/restore`, { method: 'POST' })
    expect(restore.status).toBe(401)
  })
})

describe('history retention', () => {
  let bounded: RunningCms
  const boundedAdmin = (method: string, path: string, body?: unknown) => adminAt(bounded.url, method, path, body)

  beforeAll(async () => {
    bounded = await startCms({ ...inject('databaseEnv'), HISTORY_KEEP_VERSIONS: '3', HISTORY_KEEP_DAYS: '0' })
  })

  afterAll(async () => {
    await bounded?.stop()
  })

  it('purges deleted posts, with their versions, once their time in the trash is over', async () => {
    const documentId = await writePost('history-purged', 'Gone for good.')
    expect((await admin('DELETE', `${POSTS}/${documentId}`)).status).toBe(200)
    expect(((await admin('GET', '/pressroom/trash')).body.data as Array<{ documentId: string }>).some(item => item.documentId === documentId)).toBe(true)
    // A CMS that keeps the trash for no days purges at boot.
    const purging = await startCms({ ...inject('databaseEnv'), TRASH_KEEP_DAYS: '0' })
    await purging.stop()
    expect(((await admin('GET', '/pressroom/trash')).body.data as Array<{ documentId: string }>).some(item => item.documentId === documentId)).toBe(false)
    expect((await versions(documentId)).meta.total).toBe(0)
    expect((await admin('POST', `/pressroom/trash/${documentId}/restore`)).status).toBe(404)
  })

  it('keeps within the bound, always the newest versions', async () => {
    const documentId = await writePost('history-bounded', 'Version 1.')
    for (let n = 2; n <= 6; n++) await edit(documentId, { body: paragraph(`Version ${n}.`) }, boundedAdmin)
    const kept = await versions(documentId, boundedAdmin)
    expect(kept.meta.total).toBe(3)
    expect(await Promise.all(kept.data.map(async entry => (await version(documentId, entry.id)).bodyHtml))).toEqual(['<p>Version 6.</p>', '<p>Version 5.</p>', '<p>Version 4.</p>'])
  })
})
