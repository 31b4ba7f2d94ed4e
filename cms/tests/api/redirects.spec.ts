import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { RunningStack } from '../../../testing/stack'
import { startStack } from '../../../testing/stack'
import { adminAt, POSTS } from '../support/admin'

// No link ever breaks: redirects over plain HTTP, from the CMS (its own, on the shared database) through the built
// site, which answers them before rendering.
const REDIRECTS = '/content-manager/collection-types/api::redirect.redirect'
let stack: RunningStack
let authorDocumentId = ''
const createdPosts: string[] = []
const createdRedirects: string[] = []

const editor = (method: string, path: string, body?: unknown) => adminAt(stack.cms.url, method, path, body)
const paragraph = (text: string) => [{ type: 'paragraph', children: [{ type: 'text', text }] }]
const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms))
const visit = (path: string) => fetch(`${stack.web.url}${path}`, { redirect: 'manual' })

async function publishPost(slug: string, title: string): Promise<string> {
  const created = await editor('POST', POSTS, { title, slug, body: paragraph(`${title}.`), author: { connect: [{ documentId: authorDocumentId }] } })
  expect(created.status).toBe(201)
  const documentId = created.body.data.documentId as string
  createdPosts.push(documentId)
  expect((await editor('POST', `${POSTS}/${documentId}/actions/publish`, {})).status).toBe(200)
  return documentId
}

async function renameAndPublish(documentId: string, slug: string) {
  const current = await editor('GET', `${POSTS}/${documentId}`)
  expect((await editor('PUT', `${POSTS}/${documentId}`, { ...current.body.data, slug })).status).toBe(200)
  expect((await editor('POST', `${POSTS}/${documentId}/actions/publish`, {})).status).toBe(200)
}

async function makeRedirect(data: Record<string, unknown>) {
  const response = await editor('POST', REDIRECTS, data)
  if (response.status === 201) createdRedirects.push(response.body.data.documentId)
  return response
}

/** Polls the site until `path` answers `status` (the CMS's webhook purges the site's caches), within `timeoutMs`. */
async function answers(path: string, status: number, timeoutMs = 2_000): Promise<Response> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const response = await visit(path)
    if (response.status === status || Date.now() > deadline) return response
    await sleep(50)
  }
}

beforeAll(async () => {
  stack = await startStack(inject('databaseEnv'))
  const authors = await editor('GET', '/content-manager/collection-types/api::author.author?pageSize=1')
  authorDocumentId = authors.body.results[0].documentId
})

afterAll(async () => {
  for (const documentId of createdRedirects) await editor('DELETE', `${REDIRECTS}/${documentId}`)
  for (const documentId of createdPosts) await editor('DELETE', `${POSTS}/${documentId}`)
  await stack?.stop()
})

describe('redirects when a published post\'s slug changes', () => {
  let documentId = ''

  it('answers the old address with a 301 to the new one within 2 s of the publish — the page and its JSON', async () => {
    documentId = await publishPost('moving-post-a', 'A post that moves')
    expect((await answers('/posts/moving-post-a', 200)).status).toBe(200)

    await renameAndPublish(documentId, 'moving-post-b')
    const old = await answers('/posts/moving-post-a', 301)
    expect(old.status).toBe(301)
    expect(old.headers.get('location')).toBe('/posts/moving-post-b')
    expect((await visit('/posts/moving-post-b')).status).toBe(200)
    // The query string travels on; the post's JSON follows its page.
    expect((await visit('/posts/moving-post-a?utm_source=newsletter')).headers.get('location')).toBe('/posts/moving-post-b?utm_source=newsletter')
    const json = await visit('/api/posts/moving-post-a')
    expect(json.status).toBe(301)
    expect(json.headers.get('location')).toBe('/api/posts/moving-post-b')
  })

  it('collapses chains: after a second rename both old addresses lead straight to the newest', async () => {
    await renameAndPublish(documentId, 'moving-post-c')
    for (const old of ['/posts/moving-post-a', '/posts/moving-post-b']) {
      const response = await answers(old, 301)
      expect(response.headers.get('location'), old).toBe('/posts/moving-post-c')
    }
    const rows = await editor('GET', `${REDIRECTS}?filters[to][$eq]=/posts/moving-post-c`)
    expect(rows.body.results.map((row: { from: string }) => row.from).sort()).toEqual(['/posts/moving-post-a', '/posts/moving-post-b'])
    createdRedirects.push(...rows.body.results.map((row: { documentId: string }) => row.documentId))
  })

  it('lists only current addresses in the sitemap, and keeps the post\'s feed id', async () => {
    const sitemap = await (await answers('/sitemap.xml', 200)).text()
    expect(sitemap).toContain('/posts/moving-post-c</loc>')
    expect(sitemap).not.toContain('/posts/moving-post-a<')
    expect(sitemap).not.toContain('/posts/moving-post-b<')
    const feed = await (await visit('/feed.xml')).text()
    expect(feed).toContain(`<guid isPermaLink="false">${documentId}</guid>`)
  })

  it('gives an old address back to a new post published at it', async () => {
    await publishPost('moving-post-a', 'A new post at an old address')
    const response = await answers('/posts/moving-post-a', 200)
    expect(response.status).toBe(200)
    expect(await response.text()).toContain('A new post at an old address')
    expect((await visit('/posts/moving-post-b')).headers.get('location')).toBe('/posts/moving-post-c')
  })
})

describe('redirects made by hand', () => {
  it('sends an old blog\'s permalink on, with or without its trailing slash, permanently or for now', async () => {
    const permanent = await makeRedirect({ from: '/2025/12/01/some-post/', to: '/posts/moving-post-c', statusCode: 301, note: 'From the old WordPress blog.' })
    expect(permanent.status, JSON.stringify(permanent.body)).toBe(201)
    expect(permanent.body.data.from).toBe('/2025/12/01/some-post')
    for (const path of ['/2025/12/01/some-post/', '/2025/12/01/some-post']) {
      const response = await answers(path, 301)
      expect(response.status, path).toBe(301)
      expect(response.headers.get('location')).toBe('/posts/moving-post-c')
      expect(response.headers.get('cache-control')).toBe('public, max-age=3600')
    }
    expect((await makeRedirect({ from: '/events', to: 'https://events.example.com/pressroom', statusCode: 302 })).status).toBe(201)
    const temporary = await answers('/events', 302)
    expect(temporary.headers.get('location')).toBe('https://events.example.com/pressroom')
    expect(temporary.headers.get('cache-control')).toBe('no-cache')
  })

  it('refuses a redirect that would loop, saying which way it would go round', async () => {
    expect((await makeRedirect({ from: '/old/first', to: '/old/second', statusCode: 301 })).status).toBe(201)
    const loop = await makeRedirect({ from: '/old/second/', to: '/old/first', statusCode: 301 })
    expect(loop.status).toBe(400)
    expect(loop.body.error.message).toBe('This redirect would go round in a circle: /old/second → /old/first → /old/second. Point "To" somewhere else, or remove the redirect that leads back.')
    expect(loop.body.error.details.errors[0].path).toEqual(['to'])
    expect((await makeRedirect({ from: '/old/self', to: '/old/self/', statusCode: 301 })).status).toBe(400)
  })

  it('refuses addresses that are not paths, in plain words', async () => {
    const noSlash = await makeRedirect({ from: 'posts/x', to: '/posts/y', statusCode: 301 })
    expect(noSlash.status).toBe(400)
    expect(noSlash.body.error.message).toBe('"From" must be a path on the site, starting with one slash (e.g. /2025/12/01/some-post/); got "posts/x".')
    const script = await makeRedirect({ from: '/posts/x', to: 'javascript:alert(1)', statusCode: 301 })
    expect(script.status).toBe(400)
    expect(script.body.error.message).toMatch(/^"To" must be a path on the site/)
    expect((await makeRedirect({ from: '/posts/x', to: '/posts/y', statusCode: 307 })).status).toBe(400)
  })

  it('are public to read (the site needs them), but their notes are for editors only', async () => {
    const query = async (fields: string) => (await fetch(`${stack.cms.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: `{ redirects(filters: { from: { eq: "/2025/12/01/some-post" } }) { ${fields} } }` }) })).json() as Promise<{ data?: any, errors?: Array<{ message: string }> }>
    expect((await query('from to statusCode')).data.redirects).toEqual([{ from: '/2025/12/01/some-post', to: '/posts/moving-post-c', statusCode: 301 }])
    expect((await query('note')).errors?.[0]?.message).toMatch(/Cannot query field "note"/)
    const rest = await (await fetch(`${stack.cms.url}/api/redirects?filters[from][$eq]=/2025/12/01/some-post`)).json() as { data: Array<Record<string, unknown>> }
    expect(rest.data[0]).not.toHaveProperty('note')
  })
})
