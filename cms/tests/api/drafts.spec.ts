import { describe, expect, inject, it } from 'vitest'
import { graphql, rest } from '../support/graphql'

// cms/tests/fixtures/content/posts/secret-draft-only-post.md: imported as a draft, never published.
const DRAFT_SLUG = 'secret-draft-only-post'
const DRAFT_TITLE = 'Secret draft-only post'
const SECRET = 'self-folding umbrella'

function leaks(value: unknown): boolean {
  const text = JSON.stringify(value)
  return text.includes(DRAFT_TITLE) || text.includes(DRAFT_SLUG) || text.includes(SECRET)
}

describe('drafts are invisible to the public', () => {
  it('GraphQL posts(status: DRAFT) returns published content only', async () => {
    const { status, body } = await graphql('{ posts(status: DRAFT, pagination: { limit: 100 }) { title slug publishedAt } }')
    expect(status).toBe(200)
    expect(body.data!.posts.length).toBeGreaterThan(0)
    expect(body.data!.posts.every((post: { publishedAt: string | null }) => post.publishedAt !== null)).toBe(true)
    expect(leaks(body)).toBe(false)
  })

  it('GraphQL lookup of the draft-only slug finds nothing, with or without status: DRAFT', async () => {
    for (const status of ['PUBLISHED', 'DRAFT']) {
      const { body } = await graphql(`query($slug: String!) { posts(status: ${status}, filters: { slug: { eq: $slug } }) { title } }`, { slug: DRAFT_SLUG })
      expect(body.data!.posts).toEqual([])
    }
  })

  it('GraphQL connection totals do not count drafts', async () => {
    const published = await graphql('{ posts_connection { pageInfo { total } } }')
    const draft = await graphql('{ posts_connection(status: DRAFT) { pageInfo { total } } }')
    expect(draft.body.data!.posts_connection.pageInfo.total).toBe(published.body.data!.posts_connection.pageInfo.total)
  })

  it('drafts cannot be reached through author.posts or category.posts', async () => {
    const queries = [
      '{ authors { slug posts(pagination: { limit: 200 }) { title slug } posts_connection { nodes { slug } } } }',
      '{ categories { slug posts(pagination: { limit: 200 }) { title slug } posts_connection { nodes { slug } } } }',
      '{ posts(status: DRAFT, pagination: { limit: 200 }) { author { posts(pagination: { limit: 200 }) { slug title } } categories { posts { slug title } } } }',
      '{ categories(filters: { slug: { eq: "patents" } }) { posts(filters: { slug: { eq: "secret-draft-only-post" } }) { slug title } } }',
    ]
    for (const query of queries) {
      const { status, body } = await graphql(query)
      expect(status, query).toBe(200)
      expect(leaks(body), query).toBe(false)
    }
  })

  it('REST ?status=draft returns published content only, and the draft slug is not found', async () => {
    const list = await rest('/api/posts?status=draft&pagination[pageSize]=100&fields[0]=title&fields[1]=slug&fields[2]=publishedAt')
    expect(list.status).toBe(200)
    expect(list.body.data.every((post: { publishedAt: string | null }) => post.publishedAt !== null)).toBe(true)
    expect(leaks(list.body)).toBe(false)

    const bySlug = await rest(`/api/posts?status=draft&filters[slug][$eq]=${DRAFT_SLUG}`)
    expect(bySlug.body.data).toEqual([])

    const viaAuthor = await rest('/api/authors?populate[posts][fields][0]=slug&populate[posts][fields][1]=title&status=draft')
    expect(leaks(viaAuthor.body)).toBe(false)
  })

  it('REST findOne of the draft\'s documentId answers 404', async () => {
    const draft = await graphql(`{ posts(status: DRAFT, filters: { slug: { eq: "${DRAFT_SLUG}" } }) { documentId } }`, {}, inject('apiToken'))
    const documentId = draft.body.data!.posts[0].documentId as string
    const response = await rest(`/api/posts/${documentId}?status=draft`)
    expect(response.status).toBe(404)
    expect(leaks(response.body)).toBe(false)
  })
})

describe('an API token can preview drafts', () => {
  it('reads the draft by slug with status: DRAFT', async () => {
    const { body } = await graphql(`{ posts(status: DRAFT, filters: { slug: { eq: "${DRAFT_SLUG}" } }) { title bodyHtml publishedAt } }`, {}, inject('apiToken'))
    expect(body.data!.posts).toHaveLength(1)
    expect(body.data!.posts[0].title).toBe(DRAFT_TITLE)
    expect(body.data!.posts[0].bodyHtml).toContain(SECRET)
    expect(body.data!.posts[0].publishedAt).toBeNull()
  })

  it('reads it over REST with ?status=draft', async () => {
    const { body } = await rest(`/api/posts?status=draft&filters[slug][$eq]=${DRAFT_SLUG}`, inject('apiToken'))
    expect(body.data).toHaveLength(1)
    expect(body.data[0].title).toBe(DRAFT_TITLE)
  })
})
