const SAFE_SCHEMES = new Set(['http', 'https', 'mailto', 'tel'])

/**
 * The URL if it is safe to put in an `href`/`src`, otherwise null.
 * Relative URLs and http(s)/mailto/tel pass; `javascript:`, `data:`, `vbscript:` and other schemes do not,
 * however they are disguised.
 */
export function safeUrl(raw: unknown): string | null {
  if (typeof raw !== 'string') return null
  const url = raw.trim()
  // Browsers drop ASCII control characters and whitespace inside a scheme ("java\tscript:"), and treat
  // backslashes as slashes: judge the URL the way a browser will read it.
  // eslint-disable-next-line no-control-regex
  const asBrowserReads = url.replace(/[\u0000-\u0020\u007F-\u009F]/g, '').replace(/\\/g, '/')
  if (asBrowserReads === '') return null
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(asBrowserReads)?.[1]
  if (scheme !== undefined) return SAFE_SCHEMES.has(scheme.toLowerCase()) ? url : null
  // No scheme: relative ("/posts/x", "#top", "?page=2", "notes.html") or protocol-relative ("//host"): both fine.
  return url
}
