import { readFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { CMS_DIR } from '../../../testing/cms-server'
import { admin, POSTS } from '../support/admin'
import { graphql } from '../support/graphql'

// The editor's path through the admin panel, over the same admin API the panel's pages call.
const created: string[] = []

async function uploadImage(alternativeText: string | null) {
  const form = new FormData()
  const bytes = readFileSync(path.join(CMS_DIR, 'content', 'demo', 'images', 'cover-design-patents.jpg'))
  form.append('files', new Blob([bytes], { type: 'image/jpeg' }), `editor-flow-${Date.now()}.jpg`)
  form.append('fileInfo', JSON.stringify({ alternativeText }))
  const { status, body } = await admin('POST', '/upload', form)
  expect(status).toBe(201)
  return body[0].id as number
}

afterAll(async () => {
  for (const documentId of created) await admin('DELETE', `${POSTS}/${documentId}`)
})

describe('an editor writes and publishes a post in the admin', () => {
  it('a post without an author or with a cover lacking alt text cannot be published, with a clear message', async () => {
    const draft = await admin('POST', POSTS, {
      title: 'Written in the admin',
      slug: 'written-in-the-admin',
      body: [{ type: 'paragraph', children: [{ type: 'text', text: 'An editor wrote this in the admin panel.' }] }],
      cover: await uploadImage(null),
    })
    expect(draft.status).toBe(201)
    const documentId = draft.body.data.documentId as string
    created.push(documentId)

    const refused = await admin('POST', `${POSTS}/${documentId}/actions/publish`, {})
    expect(refused.status).toBe(400)
    expect(refused.body.error.message).toMatch(/can't be published yet\. Choose an author for this post\. Add alternative text to the cover image/)
  })

  it('once ready, publishing makes it public in GraphQL with the publish time as its date — and its draft edits stay private', async () => {
    const documentId = created[0]!
    // The public asks before publication; the (empty) answer gets cached…
    const lookup = '{ posts(filters: { slug: { eq: "written-in-the-admin" } }) { title date publishedAt author { name } categories { name } cover { alternativeText } } }'
    await graphql(lookup)
    expect((await graphql(lookup)).headers.get('x-cache')).toBe('HIT')

    const { body: authors } = await admin('GET', '/content-manager/collection-types/api::author.author?pageSize=1')
    const categories = await admin('GET', '/content-manager/collection-types/api::category.category?pageSize=2')
    const published = await admin('POST', `${POSTS}/${documentId}/actions/publish`, {
      author: { connect: [{ documentId: authors.results[0].documentId }] },
      categories: { connect: categories.body.results.map((category: { documentId: string }) => ({ documentId: category.documentId })) },
      cover: await uploadImage('A sketch of a product design on paper'),
    })
    expect(published.status).toBe(200)

    // …and publishing invalidates it: the very next request sees the post.
    const { body } = await graphql(lookup)
    const post = body.data!.posts[0]
    expect(post.title).toBe('Written in the admin')
    expect(post.author.name).toBe(authors.results[0].name)
    expect(post.categories).toHaveLength(2)
    expect(post.cover.alternativeText).toBe('A sketch of a product design on paper')
    expect(Math.abs(Date.parse(post.date) - Date.parse(post.publishedAt))).toBeLessThan(5_000)

    // An unpublished change to the title is a draft: the public still sees the published title.
    const edited = await admin('PUT', `${POSTS}/${documentId}`, { title: 'Draft edit, not yet published' })
    expect(edited.status).toBe(200)
    const after = await graphql('{ posts(status: DRAFT, filters: { slug: { eq: "written-in-the-admin" } }) { title } }')
    expect(after.body.data!.posts).toEqual([{ title: 'Written in the admin' }])
  })
})

describe('what an editor is told when a value will not do', () => {
  const advice = 'Use lowercase letters, digits and single dashes (e.g. utility-models-in-china).'

  it('refuses a slug with a double dash when the draft is saved, on the field, in plain words', async () => {
    const refused = await admin('POST', POSTS, { title: 'Utility models in China', slug: 'utility--models', body: [{ type: 'paragraph', children: [{ type: 'text', text: 'x' }] }] })
    expect(refused.status).toBe(400)
    expect(refused.body.error.message).toBe(`The URL slug "utility--models" can't be used. ${advice}`)
    expect(refused.body.error.message).not.toContain('^[a-z0-9]')
    expect(refused.body.error.details.errors).toEqual([{ path: ['slug'], message: refused.body.error.message, name: 'ValidationError' }])

    const draft = await admin('POST', POSTS, { title: 'Utility models in China', slug: 'utility-models-in-china-draft', body: [{ type: 'paragraph', children: [{ type: 'text', text: 'x' }] }] })
    expect(draft.status).toBe(201)
    created.push(draft.body.data.documentId as string)
    const renamed = await admin('PUT', `${POSTS}/${draft.body.data.documentId}`, { slug: 'Utility Models' })
    expect(renamed.status).toBe(400)
    expect(renamed.body.error.message).toBe(`The URL slug "Utility Models" can't be used. ${advice}`)
  })

  it('says the same for the slugs of authors and categories', async () => {
    for (const model of ['api::author.author', 'api::category.category']) {
      const refused = await admin('POST', `/content-manager/collection-types/${model}`, { name: 'Double Dash', slug: 'double--dash' })
      expect(refused.status, model).toBe(400)
      expect(refused.body.error.message, model).toBe(`The URL slug "double--dash" can't be used. ${advice}`)
    }
  })
})
