// Preview mode, as the site's server and pages both see it (see server/utils/preview.ts).

/** The httpOnly cookie that holds a verified preview link's token until it expires. */
export const PREVIEW_COOKIE = 'pressroom-preview'

/**
 * The request header that carries a verified preview token past the caches. The page cache's keys include it
 * (`varies` in nuxt.config), so a preview render never answers a visitor's request, and it is forwarded to the
 * site's own /api/* calls during server rendering, which receive only the headers listed in `varies`.
 */
export const PREVIEW_HEADER = 'x-pressroom-preview'
