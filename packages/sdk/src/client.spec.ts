import { describe, expect, it, vi } from 'vitest'
import { createClient } from './client.js'
import { AccessDeniedError, BadRequestError, CmsUnavailableError, NotFoundError } from './errors.js'

// The CMS is the true external boundary here: these tests stub `fetch`. The same client runs against a
// real CMS in cms/tests/api/posts.spec.ts.
const json = (status: number, body: unknown) => async () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })

function clientWith(fetch: (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>, timeoutMs?: number) {
  return createClient({ url: 'https://cms.example.com/graphql', fetch: vi.fn(fetch) as typeof globalThis.fetch, timeoutMs })
}

const image = { url: '/uploads/a.jpg', alternativeText: 'A', width: 1200, height: 630, mime: 'image/jpeg', formats: { small: { url: '/uploads/small_a.jpg', width: 500, height: 263 }, thumbnail: { url: '/uploads/thumbnail_a.jpg', width: 245, height: 129 } } }
const summary = { documentId: 'd1', slug: 'a', title: 'A', excerpt: null, date: null, publishedAt: '2025-01-01T00:00:00.000Z', readingTimeMinutes: 2, featured: false, cover: image, author: null, categories: [null] }

describe('createClient', () => {
  it('maps a list response onto domain types, with absolute media URLs and formats narrowest first', async () => {
    const client = clientWith(json(200, { data: { posts_connection: { nodes: [summary], pageInfo: { page: 1, pageSize: 10, pageCount: 1, total: 1 } } } }))
    const page = await client.listPosts()
    expect(page).toMatchObject({ page: 1, pageSize: 10, pageCount: 1, total: 1 })
    expect(page.items[0]).toMatchObject({ excerpt: '', date: '2025-01-01T00:00:00.000Z', categories: [] })
    expect(page.items[0]!.cover).toEqual({
      url: 'https://cms.example.com/uploads/a.jpg',
      alt: 'A',
      width: 1200,
      height: 630,
      mime: 'image/jpeg',
      formats: [
        { url: 'https://cms.example.com/uploads/thumbnail_a.jpg', width: 245, height: 129 },
        { url: 'https://cms.example.com/uploads/small_a.jpg', width: 500, height: 263 },
      ],
    })
  })

  it('sends filters for category, author, since and featured', async () => {
    const fetch = vi.fn<typeof globalThis.fetch>(json(200, { data: { posts_connection: { nodes: [], pageInfo: { page: 2, pageSize: 5, pageCount: 0, total: 0 } } } }))
    await createClient({ url: 'https://cms.example.com/graphql', fetch }).listPosts({ page: 2, pageSize: 5, category: 'patents', author: 'mei', since: '2025-06-01', featured: true })
    const body = JSON.parse(String(fetch.mock.calls[0]![1]!.body))
    expect(body.variables).toEqual({
      page: 2,
      pageSize: 5,
      filters: { categories: { slug: { eq: 'patents' } }, author: { slug: { eq: 'mei' } }, date: { gte: '2025-06-01T00:00:00.000Z' }, featured: { eq: true } },
    })
  })

  it('rejects bad arguments before calling the CMS', async () => {
    const fetch = vi.fn<typeof globalThis.fetch>(json(200, {}))
    const client = createClient({ url: 'https://cms.example.com/graphql', fetch })
    await expect(client.listPosts({ pageSize: 0 })).rejects.toThrow(new BadRequestError('pageSize must be a whole number from 1 to 100; got 0.'))
    await expect(client.listPosts({ pageSize: 101 })).rejects.toBeInstanceOf(BadRequestError)
    await expect(client.listPosts({ page: 1.5 })).rejects.toBeInstanceOf(BadRequestError)
    await expect(client.postsSince('yesterday')).rejects.toThrow(/since must be a date/)
    expect(fetch).not.toHaveBeenCalled()
  })

  it('reads post paths as { slug, date } objects from the API\'s two lists, and refuses a bad offset or limit before asking', async () => {
    const fetch = vi.fn<typeof globalThis.fetch>(json(200, { data: { postPaths: { slugs: ['a', 'b'], dates: ['2025-01-01T00:00:00.000Z', '2025-02-01T00:00:00.000Z'], total: 7 } } }))
    const client = createClient({ url: 'https://cms.example.com/graphql', fetch })
    expect(await client.listPostPaths({ offset: 5, limit: 2 })).toEqual({ paths: [{ slug: 'a', date: '2025-01-01T00:00:00.000Z' }, { slug: 'b', date: '2025-02-01T00:00:00.000Z' }], total: 7 })
    expect(JSON.parse(String(fetch.mock.calls[0]![1]!.body)).variables).toEqual({ offset: 5, limit: 2 })
    fetch.mockClear()
    await expect(client.listPostPaths({ limit: 50_001 })).rejects.toThrow(new BadRequestError('limit must be a whole number from 1 to 50000; got 50001.'))
    await expect(client.listPostPaths({ offset: -1, limit: 1 })).rejects.toThrow(new BadRequestError('offset must be a whole number, 0 or more; got -1.'))
    await expect(client.postPathGroups(0)).rejects.toBeInstanceOf(BadRequestError)
    expect(fetch).not.toHaveBeenCalled()
  })

  it('pages through categories and authors together for their slugs', async () => {
    const slugs = (prefix: string, count: number) => Array.from({ length: count }, (_, index) => ({ slug: `${prefix}-${index}` }))
    const fetch = vi.fn<typeof globalThis.fetch>()
      .mockImplementationOnce(json(200, { data: { categories: slugs('c', 100), authors: slugs('a', 3) } }))
      .mockImplementationOnce(json(200, { data: { categories: [...slugs('d', 1), null], authors: [] } }))
    const found = await createClient({ url: 'https://cms.example.com/graphql', fetch }).listTaxonomySlugs()
    expect(found.categories).toHaveLength(101)
    expect(found.categories.at(-1)).toBe('d-0')
    expect(found.authors).toEqual(['a-0', 'a-1', 'a-2'])
    expect(fetch).toHaveBeenCalledTimes(2)
  })

  it('throws NotFoundError for a slug that matches nothing', async () => {
    const client = clientWith(json(200, { data: { posts: [] } }))
    await expect(client.getPost('nope')).rejects.toThrow(new NotFoundError('post', 'nope'))
  })

  it('throws BadRequestError for a query the API rejects', async () => {
    const client = clientWith(json(400, { errors: [{ message: 'Syntax Error: Unexpected <EOF>.', extensions: { code: 'GRAPHQL_PARSE_FAILED' } }] }))
    await expect(client.getPost('a')).rejects.toThrow(new BadRequestError('Syntax Error: Unexpected <EOF>.'))
  })

  it('throws AccessDeniedError when the token is refused', async () => {
    const client = clientWith(json(401, { data: null, error: { status: 401, name: 'UnauthorizedError', message: 'Missing or invalid credentials' } }))
    await expect(client.listCategories()).rejects.toBeInstanceOf(AccessDeniedError)
  })

  it('throws CmsUnavailableError when the CMS fails, is unreachable or too slow', async () => {
    await expect(clientWith(json(503, { message: 'Service Unavailable' })).listAuthors()).rejects.toBeInstanceOf(CmsUnavailableError)
    await expect(clientWith(async () => { throw new TypeError('fetch failed') }).listAuthors()).rejects.toThrow(/could not be reached: fetch failed/)
    const hanging = (_input: RequestInfo | URL, init?: RequestInit) => new Promise<Response>((_resolve, reject) => {
      init?.signal?.addEventListener('abort', () => reject(init.signal!.reason))
    })
    await expect(clientWith(hanging, 50).listAuthors()).rejects.toBeInstanceOf(CmsUnavailableError)
  })
})
