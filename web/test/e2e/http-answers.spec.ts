import http from 'node:http'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { describe, expect, inject, it } from 'vitest'

// What the site answers over plain HTTP, as a crawler or feed reader sees it: statuses for page numbers, and
// compression as browsers ask for it.
const site = () => inject('siteUrl')
const asBrowser = { accept: 'text/html,application/xhtml+xml' }

/** A GET with node:http, which (unlike fetch) hands back the bytes exactly as sent, compressed or not. */
function rawGet(url: string, headers: Record<string, string>): Promise<{ status: number, headers: http.IncomingHttpHeaders, body: Buffer }> {
  return new Promise((resolve, reject) => {
    http.get(url, { headers }, (response) => {
      const chunks: Buffer[] = []
      response.on('data', chunk => chunks.push(chunk))
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }))
    }).on('error', reject)
  })
}

const LISTS = ['/', '/categories/patents', '/authors/claire-huang', '/search?q=patent']
const withPage = (list: string, page: string) => `${list}${list.includes('?') ? '&' : '?'}page=${page}`

describe('page numbers on every list', () => {
  it.each(LISTS)('%s: a page past the last is a 404 that says where the list ends; page 1 is a page', async (list) => {
    expect((await fetch(`${site()}${withPage(list, '1')}`, { headers: asBrowser })).status).toBe(200)
    const past = await fetch(`${site()}${withPage(list, '999')}`, { headers: asBrowser })
    expect(past.status).toBe(404)
    const page = await past.text()
    expect(page).toContain('We couldn&#39;t find that page')
    expect(page).toMatch(/There is no page 999: (the list ends at page \d+|everything here fits on one page)\./)
    expect(page).toContain('<meta name="robots" content="noindex">')
  })

  it.each(LISTS)('%s: a malformed page number (abc, -1, 0, 1.5, 1e309) is a 400 that names the problem', async (list) => {
    for (const bad of ['abc', '-1', '0', '1.5', '1e309']) {
      const response = await fetch(`${site()}${withPage(list, bad)}`, { headers: asBrowser })
      expect(response.status, `page=${bad}`).toBe(400)
      expect(await response.text()).toMatch(/page must be a whole number|page numbers start at 1/)
    }
  })

  it('answers API clients with JSON, not a page', async () => {
    const response = await fetch(`${site()}/api/posts?page=999`)
    expect(response.status).toBe(404)
    expect(response.headers.get('content-type')).toMatch(/^application\/json/)
    expect((await response.json()).message).toMatch(/^There is no page 999/)
    const malformed = await fetch(`${site()}/api/posts?page=abc`)
    expect(malformed.status).toBe(400)
    expect((await malformed.json()).message).toBe('page must be a whole number.')
  })
})

describe('compression', () => {
  const ADDRESSES = ['/', '/posts/protecting-your-idea-before-you-talk-to-manufacturers', '/feed.xml', '/feed.json', '/sitemap.xml', '/api/posts', '/posts/no-such-post']

  it.each(ADDRESSES)('%s goes out brotli- or gzip-compressed when asked, byte for byte the page, with Vary', async (address) => {
    const url = `${site()}${address}`
    const plain = await rawGet(url, asBrowser)
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(plain.headers.vary).toMatch(/accept-encoding/i)
    expect(plain.body.length).toBeGreaterThan(2_000)
    // Twice each: once made for this response, then (for the cached pages, feeds and sitemap) from the hot lane's
    // ready copies.
    for (const round of [1, 2]) {
      const brotli = await rawGet(url, { ...asBrowser, 'accept-encoding': 'gzip, deflate, br, zstd' })
      expect(brotli.status, `round ${round}`).toBe(plain.status)
      expect(brotli.headers['content-encoding']).toBe('br')
      expect(brotli.headers.vary).toMatch(/accept-encoding/i)
      expect(brotliDecompressSync(brotli.body).equals(plain.body)).toBe(true)
      expect(brotli.body.length).toBeLessThan(plain.body.length / 2)

      const gzip = await rawGet(url, { ...asBrowser, 'accept-encoding': 'gzip' })
      expect(gzip.headers['content-encoding']).toBe('gzip')
      expect(gunzipSync(gzip.body).equals(plain.body)).toBe(true)
      await new Promise(resolve => setTimeout(resolve, 200))
    }
  })

  it('sends identity when the client refuses compression, and a 304 for the compressed copy a browser holds', async () => {
    const url = `${site()}/`
    const refused = await rawGet(url, { ...asBrowser, 'accept-encoding': 'br;q=0, gzip;q=0' })
    expect(refused.headers['content-encoding']).toBeUndefined()
    const held = await rawGet(url, { ...asBrowser, 'accept-encoding': 'br' })
    const etag = String(held.headers.etag)
    expect(etag).toMatch(/-br"$/)
    const revalidated = await rawGet(url, { ...asBrowser, 'accept-encoding': 'br', 'if-none-match': etag })
    expect(revalidated.status).toBe(304)
    expect(revalidated.headers.etag).toBe(etag)
  })

  it('never sends the build\'s pre-compressed scripts to a client that did not ask for that encoding', async () => {
    const page = (await rawGet(`${site()}/`, asBrowser)).body.toString()
    const script = /<script type="module" src="([^"]+)"/.exec(page)![1]!
    const url = `${site()}${script}`
    expect((await rawGet(url, { 'accept-encoding': 'br' })).headers['content-encoding']).toBe('br')
    const plain = await rawGet(url, {})
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(plain.body.toString()).toMatch(/\w/)
  })

  it('answers //another.host/about with a 404, never the about page', async () => {
    const response = await new Promise<number>((resolve, reject) => {
      http.get({ host: new URL(site()).hostname, port: new URL(site()).port, path: '//evil.example/about', headers: asBrowser }, (answer) => {
        answer.resume()
        resolve(answer.statusCode ?? 0)
      }).on('error', reject)
    })
    expect(response).toBe(404)
  })
})
