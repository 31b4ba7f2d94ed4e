import { describe, expect, inject, it } from 'vitest'
import { countAllPostRows, graphql, rest } from '../support/graphql'

describe('malformed and oversized requests', () => {
  it('answers a malformed query with 400 and a clear message, no stack trace', async () => {
    const { status, body } = await graphql('{ posts { title ')
    expect(status).toBe(400)
    expect(body.errors![0]!.message).toMatch(/Syntax Error: Expected Name, found <EOF>/)
    expect(JSON.stringify(body)).not.toMatch(/stacktrace|at .+\.js:\d+/)
  })

  it('answers a body that is not JSON with 400 and a clear message', async () => {
    const response = await fetch(`${inject('cmsUrl')}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": "{ posts { title } }"' })
    expect(response.status).toBe(400)
    expect(((await response.json()) as any).error.message).toMatch(/^The request body is not valid JSON/)
  })

  it('answers an unknown field with 400 naming the field', async () => {
    const { status, body } = await graphql('{ posts { title password } }')
    expect(status).toBe(400)
    expect(body.errors![0]!.message).toContain('Cannot query field "password" on type "Post"')
  })

  it('rejects a query deeper than the limit before any content is read', async () => {
    const deep = '{ posts { author { posts { author { posts { author { posts { author { name } } } } } } } } }'
    const baseline = await graphql('{ posts { title ')
    const { status, body, sqlQueries } = await graphql(deep)
    expect(status).toBe(400)
    expect(body.errors![0]!.message).toMatch(/exceeds maximum operation depth of 7/)
    // Only the public-permission lookup every request makes, exactly as for a request that fails to parse.
    expect(sqlQueries).toBe(baseline.sqlQueries)
    expect(sqlQueries).toBeLessThanOrEqual(1)
  })

  it('rejects alias flooding', async () => {
    const aliases = Array.from({ length: 40 }, (_, index) => `a${index}: posts { title }`).join(' ')
    const { status, body, sqlQueries } = await graphql(`{ ${aliases} }`)
    expect(status).toBe(400)
    expect(body.errors![0]!.message).toMatch(/aliases/i)
    expect(sqlQueries).toBeLessThanOrEqual(1)
  })

  it('rejects a document with too many tokens', async () => {
    const fields = Array.from({ length: 3000 }, () => 'title').join(' ')
    const { status, body } = await graphql(`{ posts { ${fields} } }`)
    expect(status).toBe(400)
    expect(body.errors![0]!.message).toMatch(/token/i)
  })

  it('caps pageSize: 100000 and limit: -1 at the maximum page size of 100', async () => {
    const huge = await graphql('{ posts_connection(pagination: { pageSize: 100000 }) { nodes { slug } pageInfo { pageSize total } } }')
    expect(huge.status).toBe(200)
    expect(huge.body.data!.posts_connection.pageInfo.total).toBeGreaterThan(100)
    expect(huge.body.data!.posts_connection.nodes).toHaveLength(100)
    expect(huge.body.data!.posts_connection.pageInfo.pageSize).toBe(100)

    const unbounded = await graphql('{ posts(pagination: { limit: -1 }) { slug } }')
    expect(unbounded.body.data!.posts).toHaveLength(100)

    const restHuge = await rest('/api/posts?pagination[pageSize]=100000&fields[0]=slug')
    expect(restHuge.body.data).toHaveLength(100)
  })

  it('uses the default page size of 10 when none is asked', async () => {
    const { body } = await graphql('{ posts { slug } }')
    expect(body.data!.posts).toHaveLength(10)
  })
})

describe('the public cannot write', () => {
  it('forbids every mutation and leaves the database unchanged', async () => {
    const before = await countAllPostRows()
    const { body: existing } = await graphql('{ posts(pagination: { limit: 1 }) { documentId title } }')
    const documentId = existing.data!.posts[0].documentId as string
    const mutations = [
      'mutation { createPost(data: { title: "Injected", slug: "injected", body: [] }) { documentId } }',
      `mutation { updatePost(documentId: "${documentId}", data: { title: "Defaced" }) { documentId } }`,
      `mutation { deletePost(documentId: "${documentId}") { documentId } }`,
      'mutation { createCategory(data: { name: "Spam", slug: "spam" }) { documentId } }',
    ]
    for (const mutation of mutations) {
      const { body } = await graphql(mutation)
      expect(body.errors?.[0]?.extensions?.code, mutation).toBe('FORBIDDEN')
      expect(body.errors![0]!.message).toBe('Forbidden access')
    }
    const postRest = await fetch(`${inject('cmsUrl')}/api/posts`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ data: { title: 'x' } }) })
    expect(postRest.status).toBe(405)

    expect(await countAllPostRows()).toBe(before)
    const { body: after } = await graphql(`{ post(documentId: "${documentId}") { title } }`)
    expect(after.data!.post.title).toBe(existing.data!.posts[0].title)
  })

  it('offers no sign-up or login to the public', async () => {
    const response = await fetch(`${inject('cmsUrl')}/api/auth/local/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'mallory', email: 'mallory@example.com', password: 'Passw0rd!Passw0rd' }),
    })
    expect(response.status).toBe(403)
  })
})

describe('filtering on private fields', () => {
  it('is rejected over REST', async () => {
    const { status, body } = await rest('/api/posts?filters[createdBy][email][$startsWith]=a')
    expect(status).toBe(400)
    expect(body.error.message).toBe('Invalid key createdBy')
  })

  it('is rejected over GraphQL (the filter input does not exist)', async () => {
    const { status, body } = await graphql('{ posts(filters: { createdBy: { email: { startsWith: "a" } } }) { title } }')
    expect(status).toBe(400)
    expect(body.errors![0]!.message).toMatch(/"createdBy" is not defined by type "PostFiltersInput"/)
  })
})

describe('errors and documentation surfaces in production', () => {
  it('keeps introspection on for third parties', async () => {
    const { status, body } = await graphql('{ __type(name: "Post") { fields { name } } }')
    expect(status).toBe(200)
    expect(body.data!.__type.fields.map((field: { name: string }) => field.name)).toEqual(expect.arrayContaining(['bodyHtml', 'readingTimeMinutes', 'excerpt']))
  })

  it('serves no GraphQL landing page', async () => {
    const response = await fetch(`${inject('cmsUrl')}/graphql`, { headers: { accept: 'text/html' } })
    expect(await response.text()).not.toMatch(/<html|sandbox|playground/i)
  })
})
