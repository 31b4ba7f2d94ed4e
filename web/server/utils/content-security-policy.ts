import { createHash } from 'node:crypto'

// Nuxt's own inline scripts (the import map, the runtime config, site config) are allowed by their SHA-256
// hashes rather than by nonces: pages are cached and served to many visitors, and a nonce stored in a cached page
// would be the same for all of them. The caller passes only the chunks around the rendered app — never the app's
// own markup, so a <script> that ever slipped into a post could not be allowed by accident.
const INLINE_SCRIPT = /<script(?![^>]*\bsrc=)([^>]*)>([\s\S]*?)<\/script>/gi
const EXECUTABLE_TYPE = /\btype="(?!module"|importmap"|text\/javascript")/i

/** `'sha256-…'` sources for every executable inline script in the given HTML chunks. */
export function inlineScriptHashes(chunks: string[]): string[] {
  const hashes = new Set<string>()
  for (const chunk of chunks) {
    for (const [, attributes, body] of chunk.matchAll(INLINE_SCRIPT)) {
      if (EXECUTABLE_TYPE.test(attributes ?? '')) continue // JSON data blocks (payload, JSON-LD) never run
      hashes.add(`'sha256-${createHash('sha256').update(body ?? '').digest('base64')}'`)
    }
  }
  return [...hashes]
}

/**
 * The page's policy: scripts only from this site (plus the hashed inline ones), images from here and the CMS, and
 * framing only by `frameAncestors` (none, except the admin for a preview).
 */
export function contentSecurityPolicy({ scriptHashes, mediaOrigin, frameAncestors = [] }: { scriptHashes: string[], mediaOrigin?: string, frameAncestors?: string[] }): string {
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': ["'self'", ...scriptHashes],
    'script-src-attr': ["'none'"],
    // Vue's style bindings and Nuxt's inlined critical CSS are inline styles; styles cannot run code.
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', ...(mediaOrigin ? [mediaOrigin] : [])],
    'font-src': ["'self'"],
    'connect-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'frame-ancestors': frameAncestors.length > 0 ? frameAncestors : ["'none'"],
    'form-action': ["'self'"],
  }
  return Object.entries(directives).map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ')
}
