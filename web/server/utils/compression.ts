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
export const MIN_BYTES = 1024

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

/** Per response, on the event loop: brotli at quality 4 costs about what gzip does, and still beats it on size. */
export function compressNow(body: Buffer, encoding: Encoding): Buffer {
  return encoding === 'br'
    ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 4, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } })
    : gzipSync(body, { level: 6 })
}

const brotliAsync = promisify(brotliCompress)
const gzipAsync = promisify(gzip)

/**
 * For bytes that will be sent many times (the hot lane), made on zlib's thread pool. Brotli 5: for a 30 KB page
 * within 0.5 % of quality 9 at a tenth of its time (~2 ms); 11 is 10 % smaller but takes ~45 ms, which every
 * refresh and every new URL would pay.
 */
export function compressForReuse(body: Buffer, encoding: Encoding): Promise<Buffer> {
  return encoding === 'br'
    ? brotliAsync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } })
    : gzipAsync(body, { level: 9 })
}

/**
 * Each encoding is its own representation with its own ETag (`"abc"` → `W/"abc-br"`), as HTTP requires. Weak, as
 * nginx makes them: the same page compressed at another quality is other bytes, but the same content.
 */
export function variantEtag(etag: string, encoding: Encoding): string {
  if (!etag.endsWith('"')) return etag
  const weak = etag.startsWith('W/') ? etag : `W/${etag}`
  return `${weak.slice(0, -1)}-${encoding}"`
}

/** The ETag the route cache knows for a variant's ETag a client sends back (`W/"abc-br"` → `"abc"` or `W/"abc"`). */
function baseEtag(etag: string, original: (etag: string) => string): string {
  const match = /^(?:W\/)?"(.*)-(?:br|gzip)"$/.exec(etag)
  return match ? original(`"${match[1]}"`) : etag
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
  // The route cache compares If-None-Match with the ETag it stores, which is the uncompressed page's (weak or
  // strong, as Nitro made it: both are tried by stripping only our suffix and keeping the client's W/).
  if (ifNoneMatch) request.headers['if-none-match'] = baseEtag(ifNoneMatch, etag => (ifNoneMatch.startsWith('W/') ? `W/${etag}` : etag))
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
    // A 304 or a HEAD names the representation a GET would have sent: its ETag and Vary.
    if (response.statusCode === 304 || request.method === 'HEAD') {
      if (shouldCompress({ ...headers, 'content-type': headers['content-type'] ?? 'text/html' }, Number(headers['content-length'] ?? MIN_BYTES))) {
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
