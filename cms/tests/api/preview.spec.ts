import { SignJWT } from 'jose'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { RunningStack } from '../../../testing/stack'
import { startStack, TEST_PREVIEW_SECRET } from '../../../testing/stack'
import { adminAt, POSTS } from '../support/admin'

// The editor's preview, end to end over HTTP: the CMS (its own, on the shared database) mints the link, the built
// site opens the draft for whoever holds it, and nobody else — nor any cache — ever sees it.
let stack: RunningStack
let authorDocumentId = ''
const created: string[] = []

const editor = (method: string, path: string, body?: unknown) => adminAt(stack.cms.url, method, path, body)
const paragraph = (text: string) => [{ type: 'paragraph', children: [{ type: 'text', text }] }]

async function writeDraft(slug: string, title: string, text: string): Promise<string> {
  const response = await editor('POST', POSTS, { title, slug, body: paragraph(text), author: { connect: [{ documentId: authorDocumentId }] } })
  expect(response.status).toBe(201)
  created.push(response.body.data.documentId as string)
  return response.body.data.documentId as string
}

/** What the admin's Preview panel asks the CMS for. */
async function previewLink(model: string, documentId: string, status = 'draft'): Promise<string> {
  const response = await editor('GET', `/content-manager/preview/url/${model}?documentId=${documentId}&status=${status}`)
  expect(response.status).toBe(200)
  return response.body.data.url as string
}

/** Follows a preview link the way the admin's frame does: the site answers with a cookie and a redirect. */
async function openPreview(link: string) {
  const response = await fetch(link, { redirect: 'manual' })
  const setCookie = response.headers.get('set-cookie') ?? ''
  return { status: response.status, location: response.headers.get('location'), setCookie, cookie: setCookie.split(';')[0]! }
}

const site = (path: string, cookie?: string) => fetch(`${stack.web.url}${path}`, { headers: cookie ? { cookie } : {} })

function signWith(secret: string, claims: Record<string, unknown>, expiresAt: number): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setAudience('pressroom-preview').setExpirationTime(expiresAt).sign(new TextEncoder().encode(secret))
}

beforeAll(async () => {
  stack = await startStack(inject('databaseEnv'))
  const authors = await editor('GET', '/content-manager/collection-types/api::author.author?pageSize=1')
  authorDocumentId = authors.body.results[0].documentId
})

afterAll(async () => {
  for (const documentId of created) await editor('DELETE', `${POSTS}/${documentId}`)
  await stack?.stop()
})

describe('previewing a draft on the real page', () => {
  it('opens a never-published draft with the banner, privately; the same page without the cookie is 404', async () => {
    const documentId = await writeDraft('preview-never-published', 'A draft nobody has seen', 'Words only the editor may read yet.')
    const link = await previewLink('api::post.post', documentId)
    expect(link).toMatch(new RegExp(`^${stack.web.url}/api/preview\\?token=[\\w-]+\\.[\\w-]+\\.[\\w-]+$`))

    const opened = await openPreview(link)
    expect(opened.status).toBe(302)
    expect(opened.location).toBe('/posts/preview-never-published')
    expect(opened.setCookie).toMatch(/^pressroom-preview=[^;]+; Max-Age=\d+; Path=\/; HttpOnly; SameSite=Lax$/)
    expect(Number(/Max-Age=(\d+)/.exec(opened.setCookie)![1])).toBeLessThanOrEqual(3600)

    const page = await site('/posts/preview-never-published', opened.cookie)
    const html = await page.text()
    expect(page.status).toBe(200)
    expect(html).toContain('Words only the editor may read yet.')
    expect(html).toContain('Preview — not published.')
    expect(html).toContain('Exit preview')
    expect(page.headers.get('cache-control')).toBe('private, no-store')
    expect(page.headers.get('x-robots-tag')).toBe('noindex')
    // Framable by the admin alone, and still script-restricting.
    expect(page.headers.get('x-frame-options')).toBeNull()
    const policy = page.headers.get('content-security-policy')!
    expect(policy).toContain(`frame-ancestors ${new URL(stack.cms.url).origin}`)
    expect(policy).toMatch(/script-src 'self'( 'sha256-[^']+')*;/)

    // The preview left nothing behind in any cache: visitors, twice (the second would come from the hot lane).
    for (let attempt = 0; attempt < 2; attempt++) {
      const anonymous = await site('/posts/preview-never-published')
      expect(anonymous.status).toBe(404)
      expect(await anonymous.text()).not.toContain('Words only the editor')
      expect((await site('/api/posts/preview-never-published')).status).toBe(404)
    }
    const visitorPage = await site('/posts/preview-never-published')
    expect(visitorPage.headers.get('x-frame-options')).toBe('DENY')
  })

  it('shows the newer draft of a published post only in preview; the cached public page stays the published one', async () => {
    const documentId = await writeDraft('preview-published-post', 'The published headline', 'The published words.')
    expect((await editor('POST', `${POSTS}/${documentId}/actions/publish`, {})).status).toBe(200)
    const publicPage = await site('/posts/preview-published-post')
    expect(await publicPage.text()).toContain('The published words.')

    const current = await editor('GET', `${POSTS}/${documentId}`)
    expect((await editor('PUT', `${POSTS}/${documentId}`, { ...current.body.data, title: 'The draft headline', body: paragraph('The draft words.') })).status).toBe(200)

    const opened = await openPreview(await previewLink('api::post.post', documentId))
    const preview = await (await site('/posts/preview-published-post', opened.cookie)).text()
    expect(preview).toContain('The draft words.')
    expect(preview).toContain('The draft headline')

    const afterPreview = await (await site('/posts/preview-published-post')).text()
    expect(afterPreview).toContain('The published words.')
    expect(afterPreview).not.toContain('The draft words.')
    expect(afterPreview).not.toContain('Preview — not published')

    // The admin's "Published" tab opens the public page itself.
    expect(await previewLink('api::post.post', documentId, 'published')).toBe(`${stack.web.url}/posts/preview-published-post`)
  })

  it('follows a slug changed in the draft; the old address keeps the published post and the new one is not public', async () => {
    const documentId = await writeDraft('preview-old-slug', 'A post about to move', 'Before the move.')
    expect((await editor('POST', `${POSTS}/${documentId}/actions/publish`, {})).status).toBe(200)
    const current = await editor('GET', `${POSTS}/${documentId}`)
    expect((await editor('PUT', `${POSTS}/${documentId}`, { ...current.body.data, slug: 'preview-new-slug', body: paragraph('After the move.') })).status).toBe(200)

    const opened = await openPreview(await previewLink('api::post.post', documentId))
    expect(opened.location).toBe('/posts/preview-new-slug')
    expect(await (await site('/posts/preview-new-slug', opened.cookie)).text()).toContain('After the move.')
    expect((await site('/posts/preview-new-slug')).status).toBe(404)
    expect(await (await site('/posts/preview-old-slug')).text()).toContain('Before the move.')
  })

  it('previews authors and categories on their pages, fresh and private', async () => {
    for (const model of ['api::author.author', 'api::category.category']) {
      const list = await editor('GET', `/content-manager/collection-types/${model}?pageSize=1`)
      const { documentId, slug, name } = list.body.results[0]
      const opened = await openPreview(await previewLink(model, documentId))
      const kind = model === 'api::author.author' ? 'authors' : 'categories'
      expect(opened.location).toBe(`/${kind}/${slug}`)
      const page = await site(opened.location!, opened.cookie)
      expect(page.status).toBe(200)
      expect(page.headers.get('cache-control')).toBe('private, no-store')
      const html = await page.text()
      expect(html).toContain(name)
      expect(html).toContain('Preview — not published.')
    }
  })

  it('refuses forged, altered and expired links with a 401 page, and no cookie', async () => {
    const documentId = await writeDraft('preview-refused', 'A draft behind a bad link', 'Nobody gets here with a bad link.')
    const link = await previewLink('api::post.post', documentId)
    const token = new URL(link).searchParams.get('token')!
    const now = Math.floor(Date.now() / 1000)
    const claims = { type: 'post', documentId }
    const refused = {
      'an altered signature': `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`,
      'altered claims': [token.split('.')[0], Buffer.from(JSON.stringify({ ...claims, documentId: 'someone-else', exp: now + 600, aud: 'pressroom-preview' })).toString('base64url'), token.split('.')[2]].join('.'),
      'another secret': await signWith('not-the-shared-preview-secret-0123456789', claims, now + 600),
      'an expired token': await signWith(TEST_PREVIEW_SECRET, claims, now - 5),
      'no token': '',
    }
    for (const [what, bad] of Object.entries(refused)) {
      const response = await fetch(`${stack.web.url}/api/preview?token=${bad}`, { redirect: 'manual', headers: { accept: 'text/html' } })
      expect(response.status, what).toBe(bad === '' ? 400 : 401)
      expect(response.headers.get('set-cookie'), what).toBeNull()
      expect(await response.text(), what).not.toContain('Nobody gets here')
    }

    // A cookie whose token has expired (or was never valid) is no preview, and a header cannot stand in for it.
    for (const cookie of [`pressroom-preview=${refused['an expired token']}`, `pressroom-preview=${refused['another secret']}`]) {
      expect((await site('/posts/preview-refused', cookie)).status).toBe(404)
    }
    const withHeader = await fetch(`${stack.web.url}/posts/preview-refused`, { headers: { 'x-pressroom-preview': refused['an expired token'] } })
    expect(withHeader.status).toBe(404)
  })

  it('exit preview drops the cookie and returns to the public page (and only to a page of this site)', async () => {
    const exit = await fetch(`${stack.web.url}/api/preview/exit?to=/posts/preview-published-post`, { redirect: 'manual' })
    expect(exit.status).toBe(302)
    expect(exit.headers.get('location')).toBe('/posts/preview-published-post')
    expect(exit.headers.get('set-cookie')).toMatch(/^pressroom-preview=; Max-Age=0;/)
    const elsewhere = await fetch(`${stack.web.url}/api/preview/exit?to=//evil.example.com/`, { redirect: 'manual' })
    expect(elsewhere.headers.get('location')).toBe('/')
  })
})
