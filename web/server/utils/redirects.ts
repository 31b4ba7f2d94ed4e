import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Redirect } from '@pressroom/types'
import { redirectPath, sitePaths } from '@pressroom/types'
import { LRUCache } from 'lru-cache'

/**
 * Redirects are answered before anything renders. Each path's answer from the CMS — a redirect, or none — is kept
 * like a page (purged by the same webhook), so a cached redirect costs one map lookup and one socket write.
 */
const known = new LRUCache<string, Redirect | false>({ max: 20_000 })

// Paths that are never an old address: the site's own assets, its private routes and its health check.
const NEVER = /^\/(?:_nuxt\/|__nuxt|api\/(?!posts\/)|health$)/

/** A post's JSON (/api/posts/old) follows its page's redirect to the new post's JSON. */
const POST_JSON = /^\/api(\/posts\/[^/]+)$/

function pageOf(path: string): { page: string, json: boolean } | null {
  if (NEVER.test(path)) return null
  const json = POST_JSON.exec(path)
  return json ? { page: json[1]!, json: true } : { page: path, json: false }
}

function location(redirect: Redirect, json: boolean, query: string): string {
  const target = json && redirect.to.startsWith(sitePaths.post('')) ? `/api${redirect.to}` : redirect.to
  return query && !target.includes('?') ? `${target}${query}` : target
}

function answer(response: ServerResponse, redirect: Redirect, json: boolean, query: string): void {
  response.writeHead(redirect.statusCode, {
    'location': location(redirect, json, query),
    // A permanent redirect may be kept by browsers and proxies for an hour; a temporary one is checked each time.
    'cache-control': redirect.statusCode === 301 ? 'public, max-age=3600' : 'no-cache',
    'content-length': 0,
  }).end()
}

async function lookUp(key: string): Promise<Redirect | false | null> {
  try {
    const redirect = (await useCms().findRedirect(key)) ?? false
    known.set(key, redirect)
    return redirect
  }
  catch (error) {
    console.error(`[redirects] could not look up ${key}: ${(error as Error).message}`)
    return null
  }
}

/**
 * Answers the request with its redirect when its path has one: true when answered. A path seen since the last
 * purge is answered at once (no promise); another is looked up in the CMS first. A CMS that cannot answer means no
 * redirect — the page itself then decides what to show.
 */
export function answerRedirect(request: IncomingMessage, response: ServerResponse): boolean | Promise<boolean> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false
  const [pathname = '/', query = ''] = (request.url ?? '/').split(/(?=\?)/, 2)
  const target = pageOf(pathname)
  if (!target) return false
  const key = redirectPath(target.page)
  const send = (redirect: Redirect | false | null | undefined) => {
    if (!redirect) return false
    answer(response, redirect, target.json, query)
    return true
  }
  const redirect = known.get(key)
  return redirect === undefined ? lookUp(key).then(send) : send(redirect)
}

export function clearRedirects(): void {
  known.clear()
}
