import { BadRequestError, createClient } from '@pressroom/sdk'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { admin, POSTS } from '../support/admin'
import { graphql } from '../support/graphql'

// postPaths and postPathGroups (cms/src/sitemap/): what the site's sitemap reads. Runs on SQLite and again on
// PostgreSQL (the cms project's second pass).
const client = () => createClient({ url: `${inject('cmsUrl')}/graphql` })
const DRAFT_ONLY = 'secret-draft-only-post'
const PATHS = 'query($offset: Int, $limit: Int!) { postPaths(offset: $offset, limit: $limit) { slugs dates total } }'
const GROUPS = 'query($size: Int!) { postPathGroups(size: $size) { groups { offset count newest } total } }'

interface Paths { slugs: string[], dates: string[], total: number }
const postPaths = async (variables: { offset?: number, limit: number }) => (await graphql<{ postPaths: Paths }>(PATHS, variables)).body.data!.postPaths

/** Every published post as the public sees it through Strapi's own API, a page of 100 at a time. */
async function publishedPosts(): Promise<Array<{ slug: string, date: string, documentId: string }>> {
  const posts = []
  for (let page = 1; ; page += 1) {
    const { body } = await graphql('query($page: Int!) { posts(pagination: { page: $page, pageSize: 100 }) { documentId slug date publishedAt } }', { page })
    const found = body.data!.posts as Array<{ documentId: string, slug: string, date: string | null, publishedAt: string }>
    posts.push(...found.map(post => ({ slug: post.slug, date: post.date ?? post.publishedAt, documentId: post.documentId })))
    if (found.length < 100) return posts
  }
}

const created: string[] = []
let authorDocumentId = ''

async function writePost(slug: string, date: string) {
  const response = await admin('POST', POSTS, {
    title: `Post paths ${slug}`,
    slug,
    date,
    body: [{ type: 'paragraph', children: [{ type: 'text', text: 'A post for the sitemap\'s paths.' }] }],
    author: { connect: [{ documentId: authorDocumentId }] },
  })
  expect(response.status).toBe(201)
  const documentId = response.body.data.documentId as string
  created.push(documentId)
  return documentId
}

beforeAll(async () => {
  const authors = await admin('GET', '/content-manager/collection-types/api::author.author?pageSize=1')
  authorDocumentId = authors.body.results[0].documentId
})

afterAll(async () => {
  for (const documentId of created) await admin('DELETE', `${POSTS}/${documentId}`)
})

describe('postPaths', () => {
  it('lists every published post\'s slug and date, oldest first by date then documentId', async () => {
    const expected = (await publishedPosts()).sort((a, b) => Date.parse(a.date) - Date.parse(b.date) || (a.documentId < b.documentId ? -1 : a.documentId > b.documentId ? 1 : 0))
    const { slugs, dates, total } = await postPaths({ limit: 50_000 })
    expect(total).toBeGreaterThan(100)
    expect(total).toBe(expected.length)
    expect(slugs).toEqual(expected.map(post => post.slug))
    expect(dates).toEqual(expected.map(post => new Date(post.date).toISOString()))
    expect(slugs).not.toContain(DRAFT_ONLY)
  })

  it('cuts that order into pages that join up exactly; past the end there is nothing, with the total', async () => {
    const all = await postPaths({ limit: 50_000 })
    const pages = await Promise.all([0, 50, 100].map(offset => postPaths({ offset, limit: 50 })))
    expect(pages.flatMap(page => page.slugs)).toEqual(all.slugs)
    expect(pages.every(page => page.total === all.total)).toBe(true)
    expect(await postPaths({ offset: all.total, limit: 10 })).toEqual({ slugs: [], dates: [], total: all.total })
  })

  it('never lists a draft: a draft-only post, a published post\'s newer draft, an unpublished post', async () => {
    const documentId = await writePost('post-paths-published-slug', '2001-02-03T04:05:06.000Z')
    expect((await postPaths({ limit: 50_000 })).slugs).not.toContain('post-paths-published-slug')

    expect((await admin('POST', `${POSTS}/${documentId}/actions/publish`, {})).status).toBe(200)
    const current = await admin('GET', `${POSTS}/${documentId}`)
    expect((await admin('PUT', `${POSTS}/${documentId}`, { ...current.body.data, slug: 'post-paths-draft-slug' })).status).toBe(200)
    const published = await postPaths({ limit: 50_000 })
    expect(published.slugs).toContain('post-paths-published-slug')
    expect(published.slugs).not.toContain('post-paths-draft-slug')
    // Dated 2001, it is the oldest post: first, with its own date.
    expect(published.slugs[0]).toBe('post-paths-published-slug')
    expect(published.dates[0]).toBe('2001-02-03T04:05:06.000Z')

    expect((await admin('POST', `${POSTS}/${documentId}/actions/unpublish`, {})).status).toBe(200)
    const unpublished = await postPaths({ limit: 50_000 })
    expect(unpublished.total).toBe(published.total - 1)
    expect(unpublished.slugs.filter(slug => slug.startsWith('post-paths-'))).toEqual([])
    expect(unpublished.slugs).not.toContain(DRAFT_ONLY)
  })

  it('reads in the same few SQL statements for 5 paths or 50,000, and no post relations', async () => {
    await postPaths({ limit: 1 }) // the first call of a process makes sure its index exists
    // Variables no other test asks for: answers from the response cache would run no SQL at all.
    const few = await graphql(PATHS, { offset: 3, limit: 5 })
    const many = await graphql(PATHS, { offset: 3, limit: 50_000 })
    expect([few.headers.get('x-cache'), many.headers.get('x-cache')]).toEqual(['MISS', 'MISS'])
    expect(few.sqlQueries).toBe(many.sqlQueries)
    // The public permission lookup, the list and the count.
    expect(many.sqlQueries).toBeLessThanOrEqual(3)
  })

  it('refuses a limit over 50,000 or under 1, and a negative offset, with BAD_USER_INPUT saying what is allowed', async () => {
    const cases: Array<[Record<string, number>, RegExp]> = [
      [{ limit: 50_001 }, /^limit must be a whole number from 1 to 50,000; got 50001\.$/],
      [{ limit: 0 }, /^limit must be a whole number from 1 to 50,000; got 0\.$/],
      [{ limit: 10, offset: -1 }, /^offset must be a whole number 0 or more; got -1\.$/],
    ]
    for (const [variables, message] of cases) {
      const { body, sqlQueries } = await graphql(PATHS, variables)
      expect(body.errors?.[0]?.message, JSON.stringify(variables)).toMatch(message)
      expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT')
      expect(body.data ?? null).toBeNull()
      // Refused before any post is read.
      expect(sqlQueries).toBeLessThanOrEqual(1)
    }
    const huge = await graphql(PATHS, { limit: 10_000_000 })
    expect(huge.body.errors?.[0]?.message).toMatch(/limit must be a whole number from 1 to 50,000/)
  })
})

describe('postPathGroups', () => {
  it('cuts the same order into groups of `size`, each with its offset, count and newest date', async () => {
    const all = await postPaths({ limit: 50_000 })
    for (const size of [1, 7, 50, 50_000]) {
      const { body } = await graphql(GROUPS, { size })
      const { groups, total } = body.data!.postPathGroups as { groups: Array<{ offset: number, count: number, newest: string }>, total: number }
      expect(total).toBe(all.total)
      expect(groups).toHaveLength(Math.ceil(all.total / size))
      groups.forEach((group, index) => {
        const dates = all.dates.slice(index * size, (index + 1) * size)
        expect(group).toEqual({ offset: index * size, count: dates.length, newest: dates.reduce((a, b) => (a > b ? a : b)) })
      })
    }
  })

  it('refuses a size out of 1 to 50,000 with BAD_USER_INPUT (too many groups: cms/src/sitemap/post-paths.spec.ts)', async () => {
    for (const size of [0, 50_001]) {
      const { body } = await graphql(GROUPS, { size })
      expect(body.errors?.[0]?.message).toMatch(new RegExp(`^size must be a whole number from 1 to 50,000; got ${size}\\.$`))
      expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT')
    }
  })
})

describe('the sdk\'s sitemap reads', () => {
  it('listPostPaths and postPathGroups return typed paths and groups; bad arguments never reach the CMS', async () => {
    const cms = client()
    const { paths, total } = await cms.listPostPaths({ offset: 2, limit: 3 })
    const raw = await postPaths({ offset: 2, limit: 3 })
    expect(paths).toEqual(raw.slugs.map((slug, index) => ({ slug, date: raw.dates[index] })))
    expect(total).toBe(raw.total)
    const grouped = await cms.postPathGroups(100)
    expect(grouped.total).toBe(total)
    expect(grouped.groups.map(group => group.count).reduce((a, b) => a + b, 0)).toBe(total)

    await expect(cms.listPostPaths({ limit: 50_001 })).rejects.toThrow(new BadRequestError('limit must be a whole number from 1 to 50000; got 50001.'))
    await expect(cms.listPostPaths({ offset: -1, limit: 1 })).rejects.toBeInstanceOf(BadRequestError)
    await expect(cms.postPathGroups(0)).rejects.toBeInstanceOf(BadRequestError)
  })

  it('listTaxonomySlugs lists every category and author by slug', async () => {
    const { categories, authors } = await client().listTaxonomySlugs()
    const { body } = await graphql('{ categories(pagination: { limit: 100 }) { slug } authors(pagination: { limit: 100 }) { slug } }')
    // As sets: the databases' collations may order hyphens differently.
    expect([...categories].sort()).toEqual(body.data!.categories.map((category: { slug: string }) => category.slug).sort())
    expect([...authors].sort()).toEqual(body.data!.authors.map((author: { slug: string }) => author.slug).sort())
    expect(categories).toContain('patents')
    expect(authors).toContain('claire-huang')
  })
})
