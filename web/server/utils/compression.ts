import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http'
import { Socket } from 'node:net'
import { promisify } from 'node:util'
import { brotliCompress, brotliCompressSync, constants, gzip, gzipSync } from 'node:zlib'
import compressible from 'compressible'
import Negotiator from 'negotiator'

/**
 * Response compression with Node's zlib: brotli for browsers (they all ask for it), gzip for the rest. Pages,
 * feeds, the sitemap and JSON are text that shrinks 4–5×; images and the build's pre-compressed scripts are not
 * touched here.
 */
export type Encoding = 'br' | 'gzip'

/** Brotli first: smaller than gzip at the same speed. Negotiator's `preferred` breaks ties in this order. */
export const ENCODINGS: Encoding[] = ['br', 'gzip']
/** Below this, compression saves less than it costs. */
const MIN_BYTES = 1024

/** Negotiator 1.x's `preferred` option, which @types/negotiator (0.6) does not know yet. */
type PreferringNegotiator = { encoding(available: string[], options: { preferred: string[] }): string | undefined }

/**
 * Browsers send a handful of distinct Accept-Encoding values: each is negotiated once, not on every cache hit. A
 * plain Map (cheaper to read than an LRU), emptied if odd clients ever fill it.
 */
const negotiated = new Map<string, Encoding | 'identity'>()
const MAX_NEGOTIATED = 200

/** The encoding to answer with, honouring the client's q-values; undefined for identity. */
export function preferredEncoding(acceptEncoding: string | string[] | undefined): Encoding | undefined {
  if (!acceptEncoding) return undefined
  const key = String(acceptEncoding)
  let chosen = negotiated.get(key)
  if (chosen === undefined) {
    const best = (new Negotiator({ headers: { 'accept-encoding': key } }) as PreferringNegotiator).encoding(ENCODINGS, { preferred: ENCODINGS })
    chosen = best === 'br' || best === 'gzip' ? best : 'identity'
    if (negotiated.size >= MAX_NEGOTIATED) negotiated.clear()
    negotiated.set(key, chosen)
  }
  return chosen === 'identity' ? undefined : chosen
}

/** Is this a body worth compressing: text (by its Content-Type), not already encoded, and not tiny? */
export function shouldCompress(headers: OutgoingHttpHeaders, size: number): boolean {
  const type = headers['content-type']
  return size >= MIN_BYTES && headers['content-encoding'] === undefined && typeof type === 'string' && compressible(type) === true
}

/**
 * One setting for every copy, so a page compresses to the same bytes wherever it is compressed (the hot lane, or
 * as Nitro sends it) and one ETag can name them. Brotli 5: for a 30 KB page within 0.5 % of quality 9 at a tenth of
 * its time (~2 ms); 11 is 10 % smaller but takes ~45 ms, which every refresh and every new URL would pay.
 */
const BROTLI = (body: Buffer) => ({ params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } })
const GZIP = { level: 6 }

/** For this response, on the event loop. */
export function compressNow(body: Buffer, encoding: Encoding): Buffer {
  return encoding === 'br' ? brotliCompressSync(body, BROTLI(body)) : gzipSync(body, GZIP)
}

const brotliAsync = promisify(brotliCompress)
const gzipAsync = promisify(gzip)

/** For bytes that will be sent many times (the hot lane): the same bytes, made on zlib's thread pool. */
export function compressForReuse(body: Buffer, encoding: Encoding): Promise<Buffer> {
  return encoding === 'br' ? brotliAsync(body, BROTLI(body)) : gzipAsync(body, GZIP)
}

/** Each encoding is its own representation with its own ETag (`"abc"` → `"abc-br"`, `W/"abc"` → `W/"abc-br"`). */
export function variantEtag(etag: string, encoding: Encoding): string {
  return etag.endsWith('"') ? `${etag.slice(0, -1)}-${encoding}"` : etag
}

/** The ETag the route cache stores for a variant's ETag a client sends back (`W/"abc-br"` → `W/"abc"`). */
function baseEtag(etag: string): string {
  return etag.replace(/-(?:br|gzip)"$/, '"')
}

/** Adds Accept-Encoding to a response's Vary: caches must keep one copy per encoding. */
export function withVaryAcceptEncoding(vary: OutgoingHttpHeaders['vary']): string {
  const names = String(vary ?? '').split(',').map(name => name.trim()).filter(Boolean)
  return names.some(name => name.toLowerCase() === 'accept-encoding' || name === '*') ? names.join(', ') : [...names, 'Accept-Encoding'].join(', ')
}

/**
 * A request from a client over the network — not one of Nitro's in-process calls (the error page's render, a
 * page's own /api/* fetch), whose caller reads the body as text and must get it uncompressed.
 */
export function fromNetwork(request: IncomingMessage): boolean {
  // Nitro's in-process requests are unenv's mocks (the marker Nuxt's own renderer checks).
  return !('__unenv__' in request) && request.socket instanceof Socket
}

/**
 * Compresses what this response sends in one piece (h3 ends every response with its whole body) when the client
 * accepts it, and marks every compressible answer `Vary: Accept-Encoding`. Streams and 304s pass through.
 */
export function compressWhenAccepted(request: IncomingMessage, response: ServerResponse): void {
  const encoding = preferredEncoding(request.headers['accept-encoding'])
  const ifNoneMatch = request.headers['if-none-match']
  // The route cache compares If-None-Match with the ETag it stores, which is the uncompressed page's.
  const heldVariant = ifNoneMatch !== undefined && baseEtag(ifNoneMatch) !== ifNoneMatch
  if (heldVariant) request.headers['if-none-match'] = baseEtag(ifNoneMatch)
  const end = response.end.bind(response) as (chunk?: unknown, encodingOrCallback?: unknown, callback?: unknown) => ServerResponse
  let streamed = false
  const write = response.write.bind(response) as (...args: unknown[]) => boolean
  response.write = ((...args: unknown[]) => {
    streamed = true
    return write(...args)
  }) as ServerResponse['write']
  response.end = ((chunk?: unknown, encodingOrCallback?: unknown, callback?: unknown) => {
    if (streamed || response.headersSent) return end(chunk, encodingOrCallback, callback)
    const headers = response.getHeaders()
    // A 304 for the compressed copy the client holds names that copy, as a 200 would have.
    if (response.statusCode === 304) {
      if (heldVariant) response.setHeader('etag', ifNoneMatch).setHeader('vary', withVaryAcceptEncoding(headers.vary))
      return end(chunk, encodingOrCallback, callback)
    }
    // A HEAD describes what the GET would send: its Vary and ETag (its length stays the uncompressed one).
    if (request.method === 'HEAD') {
      if (shouldCompress(headers, Number(headers['content-length'] ?? 0))) {
        response.setHeader('vary', withVaryAcceptEncoding(headers.vary))
        if (encoding && typeof headers.etag === 'string') response.setHeader('etag', variantEtag(headers.etag, encoding))
      }
      return end(chunk, encodingOrCallback, callback)
    }
    if (typeof chunk !== 'string' && !Buffer.isBuffer(chunk)) return end(chunk, encodingOrCallback, callback)
    const body = typeof chunk === 'string' ? Buffer.from(chunk, typeof encodingOrCallback === 'string' ? encodingOrCallback as BufferEncoding : 'utf8') : chunk
    if (!shouldCompress(headers, body.length)) return end(chunk, encodingOrCallback, callback)
    response.setHeader('vary', withVaryAcceptEncoding(headers.vary))
    if (!encoding) return end(chunk, encodingOrCallback, callback)
    const compressed = compressNow(body, encoding)
    response.setHeader('content-encoding', encoding)
    response.setHeader('content-length', compressed.length)
    if (typeof headers.etag === 'string') response.setHeader('etag', variantEtag(headers.etag, encoding))
    return end(compressed, typeof encodingOrCallback === 'function' ? encodingOrCallback : callback)
  }) as ServerResponse['end']
}
