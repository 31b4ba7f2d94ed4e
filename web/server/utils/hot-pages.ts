import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http'
import { LRUCache } from 'lru-cache'

/**
 * The hot lane in front of the page cache: the last response of each cached URL, kept as ready-to-send bytes for
 * one second. Nitro's route cache costs a JSON parse of the stored entry and a UTF-8 encode of the page on every
 * hit; the lane answers most hits with a single socket write. Entries are short-lived so Nitro still sees a request
 * every second and keeps its stale-while-revalidate schedule; the CMS webhook clears the lane with the page cache.
 */
export interface HotPage {
  status: number
  headers: OutgoingHttpHeaders
  body: Buffer
  etag?: string
}

const HOT_FOR_MS = 1_000
const hotPages = new LRUCache<string, HotPage>({ max: 1_000, maxSize: 32 * 1024 * 1024, sizeCalculation: page => page.body.length + 1, ttl: HOT_FOR_MS })

// Connection-level headers belong to each response, not to the page.
const PER_RESPONSE = new Set(['connection', 'keep-alive', 'date', 'transfer-encoding', 'content-length'])

/** Answers a GET from the lane — or a 304 when the browser already has this version. False when not in the lane. */
export function sendHotPage(request: IncomingMessage, response: ServerResponse): boolean {
  if (request.method !== 'GET') return false
  const page = hotPages.get(request.url ?? '/')
  if (!page) return false
  if (page.etag && request.headers['if-none-match'] === page.etag) response.writeHead(304, page.headers).end()
  else response.writeHead(page.status, page.headers).end(page.body)
  return true
}

/** Keeps a response from the page cache, unless it sets a cookie (cached responses never carry cookies). */
export function rememberHotPage(url: string, status: number, headers: OutgoingHttpHeaders, body: string | Buffer): void {
  if (headers['set-cookie'] !== undefined) return
  const kept: OutgoingHttpHeaders = {}
  for (const [name, value] of Object.entries(headers)) if (!PER_RESPONSE.has(name) && value !== undefined) kept[name] = value
  const bytes = Buffer.from(body)
  kept['content-length'] = bytes.length
  hotPages.set(url, { status, headers: kept, body: bytes, etag: typeof headers.etag === 'string' ? headers.etag : undefined })
}

export function clearHotPages(): void {
  hotPages.clear()
}
