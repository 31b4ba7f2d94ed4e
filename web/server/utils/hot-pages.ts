import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http'
import { LRUCache } from 'lru-cache'
import { PREVIEW_HEADER } from '../../shared/utils/preview'

/**
 * The hot lane in front of the page cache: the last response of each cached URL, kept as ready-to-send bytes.
 * Nitro's route cache costs a JSON parse of the stored entry and a UTF-8 encode of the page on every hit; the lane
 * answers hits with a single socket write. Once an entry is `freshForMs` old, one request at a time goes through to
 * Nitro, so it keeps its stale-while-revalidate schedule, while the others are still answered from the lane (never
 * more than `staleForMs` old) — a crowd arriving as an entry ages never all lands on Nitro at once. Freshness comes
 * from the CMS webhook, which clears the lane with the page cache.
 */
export interface HotPage {
  status: number
  headers: OutgoingHttpHeaders
  body: Buffer
  etag?: string
  lastModified?: number
  storedAt: number
  /** When a request was last let through to refresh this entry. */
  refreshingSince?: number
}

// Connection-level headers belong to each response, not to the page.
const PER_RESPONSE = new Set(['connection', 'keep-alive', 'date', 'transfer-encoding', 'content-length'])

/** Does the client already hold this version (If-None-Match, else If-Modified-Since)? */
function notModified(request: IncomingMessage, page: HotPage): boolean {
  const etag = request.headers['if-none-match']
  if (etag !== undefined) return etag === page.etag
  const since = Date.parse(request.headers['if-modified-since'] ?? '')
  return page.lastModified !== undefined && !Number.isNaN(since) && since >= page.lastModified
}

export function createHotLane({ freshForMs, staleForMs }: { freshForMs: number, staleForMs: number }) {
  const pages = new LRUCache<string, HotPage>({ max: 1_000, maxSize: 32 * 1024 * 1024, sizeCalculation: page => page.body.length + 1, ttl: staleForMs })

  /** The entry to answer with, or undefined to let this request through to Nitro (absent, or its turn to refresh). */
  function servable(url: string): HotPage | undefined {
    const page = pages.get(url)
    if (!page) return undefined
    const now = Date.now()
    if (now - page.storedAt < freshForMs) return page
    if (page.refreshingSince !== undefined && now - page.refreshingSince < freshForMs) return page
    page.refreshingSince = now
    return undefined
  }

  return {
    /** Answers a GET from the lane — or a 304 when the client already has this version. False when not in the lane. */
    send(request: IncomingMessage, response: ServerResponse): boolean {
      // Preview requests (an editor looking at a draft) never take a visitor's page, nor leave one here.
      if (request.method !== 'GET' || request.headers[PREVIEW_HEADER] !== undefined) return false
      const page = servable(request.url ?? '/')
      if (!page) return false
      if (notModified(request, page)) response.writeHead(304, page.headers).end()
      else response.writeHead(page.status, page.headers).end(page.body)
      return true
    },

    /** Keeps a response from the page cache, unless it sets a cookie or is private (a preview's). */
    remember(url: string, status: number, headers: OutgoingHttpHeaders, body: string | Buffer): void {
      if (headers['set-cookie'] !== undefined || /\b(?:private|no-store)\b/.test(String(headers['cache-control'] ?? ''))) return
      const kept: OutgoingHttpHeaders = {}
      for (const [name, value] of Object.entries(headers)) if (!PER_RESPONSE.has(name) && value !== undefined) kept[name] = value
      const bytes = Buffer.from(body)
      kept['content-length'] = bytes.length
      const lastModified = typeof headers['last-modified'] === 'string' ? Date.parse(headers['last-modified']) : Number.NaN
      pages.set(url, { status, headers: kept, body: bytes, etag: typeof headers.etag === 'string' ? headers.etag : undefined, lastModified: Number.isNaN(lastModified) ? undefined : lastModified, storedAt: Date.now() })
    },

    clear(): void {
      pages.clear()
    },
  }
}

/** The site's lane. Nitro sees each busy page every 10 s; a webhook purge is what makes changes show at once. */
export const hotLane = createHotLane({ freshForMs: 10_000, staleForMs: 60_000 })
