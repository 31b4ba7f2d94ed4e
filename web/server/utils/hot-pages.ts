import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http'
import { LRUCache } from 'lru-cache'
import { PREVIEW_HEADER } from '../../shared/utils/preview'
import type { Encoding } from './compression'
import { compressForReuse, compressNow, ENCODINGS, fromNetwork, preferredEncoding, shouldCompress, variantEtag, withVaryAcceptEncoding } from './compression'

/**
 * The hot lane in front of the page cache: the last response of each cached URL, kept as ready-to-send bytes.
 * Nitro's route cache costs a JSON parse of the stored entry and a UTF-8 encode of the page on every hit; the lane
 * answers hits with a single socket write, compressed bytes included. Once an entry is `freshForMs` old, one request at a time goes through to
 * Nitro, so it keeps its stale-while-revalidate schedule, while the others are still answered from the lane (never
 * more than `staleForMs` old) — a crowd arriving as an entry ages never all lands on Nitro at once. Freshness comes
 * from the CMS webhook, which clears the lane with the page cache.
 */
export interface HotPage {
  status: number
  /** The uncompressed answer. */
  identity: Representation
  /** Ready compressed answers, when the page compresses (made off the event loop as it is kept, or on first ask). */
  encoded?: Partial<Record<Encoding, Representation>>
  lastModified?: number
  storedAt: number
  /** When a request was last let through to refresh this entry. */
  refreshingSince?: number
}

/** One encoding of a page: its headers (Content-Encoding, Content-Length, ETag included) and bytes, ready to send. */
interface Representation {
  headers: OutgoingHttpHeaders
  body: Buffer
  etag?: string
}

// Connection-level headers belong to each response, not to the page.
const PER_RESPONSE = new Set(['connection', 'keep-alive', 'date', 'transfer-encoding', 'content-length'])

/** Does the client already hold this version (If-None-Match, else If-Modified-Since)? */
function notModified(request: IncomingMessage, page: HotPage, representation: Representation): boolean {
  const etag = request.headers['if-none-match']
  if (etag !== undefined) return etag === representation.etag
  const since = Date.parse(request.headers['if-modified-since'] ?? '')
  return page.lastModified !== undefined && !Number.isNaN(since) && since >= page.lastModified
}

function encodedRepresentation(identity: Representation, encoding: Encoding, body: Buffer): Representation {
  const etag = identity.etag === undefined ? undefined : variantEtag(identity.etag, encoding)
  const headers: OutgoingHttpHeaders = { ...identity.headers, 'content-encoding': encoding, 'content-length': body.length }
  if (etag !== undefined) headers.etag = etag
  return { headers, body, etag }
}

/** The lane's byte budget: each page with its two compressed copies (together well under half the page). */
const LANE_BYTES = 32 * 1024 * 1024

/**
 * Answers larger than this stay in Nitro's route cache only: a sitemap of 50,000 URLs (8 MB) would push hundreds of
 * pages out of the lane, for a file crawlers fetch a few times a day.
 */
export const HOT_LANE_MAX_BODY_BYTES = LANE_BYTES / 16

export function createHotLane({ freshForMs, staleForMs }: { freshForMs: number, staleForMs: number }) {
  const pages = new LRUCache<string, HotPage>({ max: 1_000, maxSize: LANE_BYTES, sizeCalculation: page => Math.ceil(page.identity.body.length * 1.5) + 1, ttl: staleForMs })

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

  /** The bytes for this client: the compressed copy it accepts (made now, once, if the best one is not ready yet). */
  function representationFor(request: IncomingMessage, page: HotPage): Representation {
    if (!page.encoded || !fromNetwork(request)) return page.identity
    const encoding = preferredEncoding(request.headers['accept-encoding'])
    if (!encoding) return page.identity
    return (page.encoded[encoding] ??= encodedRepresentation(page.identity, encoding, compressNow(page.identity.body, encoding)))
  }

  return {
    /** Answers a GET from the lane — or a 304 when the client already has this version. False when not in the lane. */
    send(request: IncomingMessage, response: ServerResponse): boolean {
      // Preview requests (an editor looking at a draft) never take a visitor's page, nor leave one here.
      if (request.method !== 'GET' || request.headers[PREVIEW_HEADER] !== undefined) return false
      const page = servable(request.url ?? '/')
      if (!page) return false
      const representation = representationFor(request, page)
      if (notModified(request, page, representation)) response.writeHead(304, representation.headers).end()
      else response.writeHead(page.status, representation.headers).end(representation.body)
      return true
    },

    /**
     * Keeps a response from the page cache, unless it sets a cookie, is private (a preview's) or is larger than
     * HOT_LANE_MAX_BODY_BYTES. A compressible page
     * gets its brotli and gzip copies made on zlib's thread pool, so cache hits never compress.
     */
    remember(url: string, status: number, headers: OutgoingHttpHeaders, body: string | Buffer): void {
      // Nor bytes already encoded (the build's pre-compressed scripts): they would reach clients that never asked.
      if (headers['set-cookie'] !== undefined || headers['content-encoding'] !== undefined || /\b(?:private|no-store)\b/.test(String(headers['cache-control'] ?? ''))) return
      const kept: OutgoingHttpHeaders = {}
      for (const [name, value] of Object.entries(headers)) if (!PER_RESPONSE.has(name) && value !== undefined) kept[name] = value
      const bytes = Buffer.from(body)
      if (bytes.length > HOT_LANE_MAX_BODY_BYTES) return
      const compresses = shouldCompress(kept, bytes.length)
      if (compresses) kept.vary = withVaryAcceptEncoding(kept.vary)
      kept['content-length'] = bytes.length
      const identity: Representation = { headers: kept, body: bytes, etag: typeof headers.etag === 'string' ? headers.etag : undefined }
      const lastModified = typeof headers['last-modified'] === 'string' ? Date.parse(headers['last-modified']) : Number.NaN
      const page: HotPage = { status, identity, encoded: compresses ? {} : undefined, lastModified: Number.isNaN(lastModified) ? undefined : lastModified, storedAt: Date.now() }
      pages.set(url, page)
      if (!compresses) return
      for (const encoding of ENCODINGS) {
        compressForReuse(bytes, encoding)
          .then((compressed) => {
            page.encoded![encoding] = encodedRepresentation(identity, encoding, compressed)
          })
          .catch(error => console.error(`[hot lane] ${encoding} compression of ${url} failed`, error))
      }
    },

    /** Drops one URL (it now redirects). */
    forget(url: string): void {
      pages.delete(url)
    },

    clear(): void {
      pages.clear()
    },
  }
}

/** The site's lane. Nitro sees each busy page every 10 s; a webhook purge is what makes changes show at once. */
export const hotLane = createHotLane({ freshForMs: 10_000, staleForMs: 60_000 })
