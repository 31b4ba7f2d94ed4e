import type { IncomingMessage, ServerResponse } from 'node:http'
import type { PressroomClient } from '@pressroom/sdk'
import type { PreviewClaims } from '@pressroom/types'
import { PREVIEW_AUDIENCE, sitePaths } from '@pressroom/types'
import type { H3Event } from 'h3'
import { jwtVerify } from 'jose'

/** A preview token's claims once checked, with when it stops working (seconds since the epoch). */
export interface VerifiedPreview extends PreviewClaims {
  expiresAt: number
}

declare module 'h3' {
  interface H3EventContext {
    /** Set for a request made in preview mode, with the document the editor is previewing. */
    preview?: VerifiedPreview
  }
}

let secretKey: Uint8Array | null | undefined

function previewKey(): Uint8Array | null {
  if (secretKey === undefined) {
    const secret = useRuntimeConfig().previewSecret
    secretKey = secret ? new TextEncoder().encode(secret) : null
  }
  return secretKey
}

const isPreviewType = (type: unknown): type is PreviewClaims['type'] => typeof type === 'string' && Object.hasOwn(sitePaths, type)

/** The claims of a preview link's token signed by the CMS (PREVIEW_SECRET), or null if forged, altered or expired. */
export async function verifyPreviewToken(token: string): Promise<VerifiedPreview | null> {
  const key = previewKey()
  if (!key || token.length > 2_000) return null
  try {
    const { payload } = await jwtVerify(token, key, { audience: PREVIEW_AUDIENCE, algorithms: ['HS256'], requiredClaims: ['exp'] })
    if (!isPreviewType(payload.type) || typeof payload.documentId !== 'string' || payload.exp === undefined) return null
    return { type: payload.type, documentId: payload.documentId, expiresAt: payload.exp }
  }
  catch {
    return null
  }
}

/** Cheap test for the hot path: could this request be in preview mode (a preview cookie or header)? */
export function mayBePreview(request: IncomingMessage): boolean {
  return request.headers[PREVIEW_HEADER] !== undefined || Boolean(request.headers.cookie?.includes(PREVIEW_COOKIE))
}

/**
 * Responses in preview mode are private by construction: never stored by a browser, a proxy or a cache, never
 * indexed, and framable by the admin only (the Content-Security-Policy names it; X-Frame-Options is dropped).
 * Applied as the response's headers are written, after everything else has set its own.
 */
function keepPrivate(response: ServerResponse): void {
  const writeHead = response.writeHead
  response.writeHead = function (this: ServerResponse, ...args: unknown[]) {
    this.setHeader('cache-control', 'private, no-store')
    this.setHeader('x-robots-tag', 'noindex')
    this.removeHeader('x-frame-options')
    for (const headers of args.filter(arg => typeof arg === 'object' && arg !== null && !Array.isArray(arg)) as Array<Record<string, unknown>>) {
      for (const name of Object.keys(headers)) if (['cache-control', 'x-robots-tag', 'x-frame-options'].includes(name.toLowerCase())) delete headers[name]
    }
    return (writeHead as (...a: unknown[]) => ServerResponse).apply(this, args)
  } as ServerResponse['writeHead']
}

/**
 * Before routing: a request with a valid preview token (the cookie, or the header on the site's own server-side
 * calls) enters preview mode; any other preview header is removed, so it can never reach a page or a cache key.
 */
export async function enterPreviewMode(event: H3Event): Promise<void> {
  const request = event.node.req
  const offered = request.headers[PREVIEW_HEADER]
  const token = getCookie(event, PREVIEW_COOKIE) ?? (typeof offered === 'string' ? offered : undefined)
  const claims = token ? await verifyPreviewToken(token) : null
  if (!claims || !token) {
    delete request.headers[PREVIEW_HEADER]
    return
  }
  request.headers[PREVIEW_HEADER] = token
  event.context.preview = claims
  keepPrivate(event.node.res)
}

let previewClient: PressroomClient | undefined

/** The sdk client that reads drafts: the site's read-only preview token (NUXT_CMS_PREVIEW_TOKEN), server-side only. */
export function usePreviewCms(): PressroomClient {
  const config = useRuntimeConfig()
  if (!config.cmsPreviewToken) throw createError({ statusCode: 503, statusMessage: 'Service Unavailable', message: 'Preview is not set up on this site (NUXT_CMS_PREVIEW_TOKEN).' })
  previewClient ??= createSiteClient(config.cmsPreviewToken)
  return previewClient
}

/**
 * The preview cookie's attributes. On https it must travel inside the admin's frame (another site, in general), so
 * it is SameSite=None, Secure and Partitioned (its own jar per embedding site, as browsers now require); on plain
 * http (local runs, where admin and site share "localhost") Lax is enough.
 */
export function previewCookieOptions() {
  const secure = useRuntimeConfig().public.siteUrl.startsWith('https:')
  return secure
    ? { httpOnly: true, path: '/', secure: true, sameSite: 'none' as const, partitioned: true }
    : { httpOnly: true, path: '/', sameSite: 'lax' as const }
}
