import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createHotLane, HOT_LANE_MAX_BODY_BYTES } from './hot-pages'

const lane = createHotLane({ freshForMs: 300, staleForMs: 5_000 })
const rememberHotPage = lane.remember
const clearHotPages = lane.clear

// A real HTTP server that answers from the lane, or 404 "not in the lane".
let server: http.Server
let base: string
beforeAll(async () => {
  server = http.createServer((request, response) => {
    if (!lane.send(request, response)) response.writeHead(404).end('not in the lane')
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise(resolve => server.close(resolve)))
beforeEach(clearHotPages)

describe('the hot lane', () => {
  it('sends a remembered page with its status, headers and bytes, and a 304 when the browser has it', async () => {
    rememberHotPage('/posts/a', 200, { 'content-type': 'text/html;charset=utf-8', 'etag': 'W/"v1"', 'content-security-policy': "script-src 'self'", 'date': 'old', 'connection': 'close' }, '<h1>Ünïcode</h1>')
    const response = await fetch(`${base}/posts/a`)
    expect(response.status).toBe(200)
    expect(await response.text()).toBe('<h1>Ünïcode</h1>')
    expect(response.headers.get('content-security-policy')).toBe("script-src 'self'")
    expect(response.headers.get('date')).not.toBe('old')
    expect(response.headers.get('connection')).toBe('keep-alive')

    const revalidated = await fetch(`${base}/posts/a`, { headers: { 'if-none-match': 'W/"v1"' } })
    expect(revalidated.status).toBe(304)
    expect((await fetch(`${base}/posts/a`, { headers: { 'if-none-match': 'W/"v0"' } })).status).toBe(200)
  })

  it('answers If-Modified-Since with 304 when nothing changed since', async () => {
    rememberHotPage('/feed.xml', 200, { 'last-modified': 'Mon, 01 Dec 2025 09:00:00 GMT' }, '<rss/>')
    expect((await fetch(`${base}/feed.xml`, { headers: { 'if-modified-since': 'Mon, 01 Dec 2025 09:00:00 GMT' } })).status).toBe(304)
    expect((await fetch(`${base}/feed.xml`, { headers: { 'if-modified-since': 'Sun, 30 Nov 2025 09:00:00 GMT' } })).status).toBe(200)
  })

  it('keeps no private answer, and never answers a preview request (an editor must see the draft)', async () => {
    rememberHotPage('/posts/private', 200, { 'cache-control': 'private, no-store' }, 'a draft')
    expect((await fetch(`${base}/posts/private`)).status).toBe(404)
    rememberHotPage('/posts/public', 200, {}, 'the published post')
    expect(await (await fetch(`${base}/posts/public`)).text()).toBe('the published post')
    expect((await fetch(`${base}/posts/public`, { headers: { 'x-pressroom-preview': 'a-token' } })).status).toBe(404)
  })

  it('leaves answers over 2 MB (a big sitemap) to the route cache, so they cannot push pages out', async () => {
    expect(HOT_LANE_MAX_BODY_BYTES).toBe(2 * 1024 * 1024)
    rememberHotPage('/sitemap-posts-1.xml', 200, { 'content-type': 'application/xml' }, 'x'.repeat(HOT_LANE_MAX_BODY_BYTES + 1))
    rememberHotPage('/sitemap-pages-1.xml', 200, { 'content-type': 'application/xml' }, 'x'.repeat(HOT_LANE_MAX_BODY_BYTES))
    expect((await fetch(`${base}/sitemap-posts-1.xml`)).status).toBe(404)
    expect((await (await fetch(`${base}/sitemap-pages-1.xml`)).text()).length).toBe(HOT_LANE_MAX_BODY_BYTES)
  })

  it('keeps nothing that sets a cookie, answers only GET, and distinguishes query strings', async () => {
    rememberHotPage('/with-cookie', 200, { 'set-cookie': 'session=1' }, 'private')
    rememberHotPage('/page?x=1', 200, {}, 'x1')
    expect((await fetch(`${base}/with-cookie`)).status).toBe(404)
    expect((await fetch(`${base}/page?x=1`, { method: 'POST' })).status).toBe(404)
    expect((await fetch(`${base}/page?x=2`)).status).toBe(404)
    expect(await (await fetch(`${base}/page?x=1`)).text()).toBe('x1')
  })

  it('forgets everything at once when cleared (the CMS webhook)', async () => {
    rememberHotPage('/a', 200, {}, 'a')
    rememberHotPage('/b', 200, {}, 'b')
    clearHotPages()
    expect((await fetch(`${base}/a`)).status).toBe(404)
    expect((await fetch(`${base}/b`)).status).toBe(404)
  })

  it('once an entry ages lets one request through to refresh the page, and keeps answering the others meanwhile', async () => {
    rememberHotPage('/b', 200, {}, 'b')
    await new Promise(resolve => setTimeout(resolve, 350))
    expect((await fetch(`${base}/b`)).status).toBe(404) // this one goes to Nitro
    expect(await (await fetch(`${base}/b`)).text()).toBe('b') // the crowd still gets the page
    rememberHotPage('/b', 200, {}, 'b2') // Nitro's answer arrives
    expect(await (await fetch(`${base}/b`)).text()).toBe('b2')
  })

  it('sends the compressed copy the client accepts, made once, with its own ETag and Vary; identity to the others', async () => {
    const page = `<!doctype html><title>Long</title>${'<p>A paragraph readers scroll past. </p>'.repeat(200)}`
    rememberHotPage('/long', 200, { 'content-type': 'text/html;charset=utf-8', 'etag': 'W/"v7"' }, page)
    const get = (headers: Record<string, string>) => new Promise<{ headers: http.IncomingHttpHeaders, body: Buffer, status: number }>((resolve) => {
      http.get(`${base}/long`, { headers }, (response) => {
        const chunks: Buffer[] = []
        response.on('data', chunk => chunks.push(chunk)).on('end', () => resolve({ headers: response.headers, body: Buffer.concat(chunks), status: response.statusCode! }))
      })
    })
    const plain = await get({})
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(plain.headers.vary).toBe('Accept-Encoding')
    expect(plain.body.toString()).toBe(page)

    const brotli = await get({ 'accept-encoding': 'gzip, deflate, br' })
    expect(brotli.headers['content-encoding']).toBe('br')
    expect(brotli.headers.etag).toBe('W/"v7-br"')
    expect(Number(brotli.headers['content-length'])).toBe(brotli.body.length)
    expect(brotliDecompressSync(brotli.body).toString()).toBe(page)
    expect((await get({ 'accept-encoding': 'br', 'if-none-match': 'W/"v7-br"' })).status).toBe(304)

    const gzip = await get({ 'accept-encoding': 'gzip' })
    expect(gzip.headers['content-encoding']).toBe('gzip')
    expect(gunzipSync(gzip.body).toString()).toBe(page)
    expect((await get({ 'accept-encoding': 'br;q=0' })).headers['content-encoding']).toBeUndefined()
  })
})
