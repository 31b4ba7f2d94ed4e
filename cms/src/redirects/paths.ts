import { redirectPath } from '@pressroom/types'

/** Why `from` cannot be an old address of the site, in an editor's words; null when it can. */
export function fromProblem(from: string): string | null {
  if (!from.startsWith('/') || from.startsWith('//'))
    return `"From" must be a path on the site, starting with one slash (e.g. /2025/12/01/some-post/); got "${from}".`
  if (/\s/.test(from)) return `"From" cannot contain spaces; got "${from}".`
  if (/[?#]/.test(from)) return `"From" is a path only, without "?" or "#" (the visitor's query string is passed on); got "${from}".`
  return null
}

/** Why `to` cannot be a redirect's target; null when it can: a path on the site, or an http(s) address. */
export function toProblem(to: string): string | null {
  if (to.startsWith('/') && !to.startsWith('//') && !/\s/.test(to)) return null
  if (URL.canParse(to) && /^https?:$/.test(new URL(to).protocol)) return null
  return `"To" must be a path on the site (e.g. /posts/new-slug) or a full address starting with https://; got "${to}".`
}

/** A target as stored: a plain local path in the same form as `from`s (so chains can be matched), else as given. */
export function storedTarget(to: string): string {
  return to.startsWith('/') && !/[?#]/.test(to) ? redirectPath(to) : to
}

/** A local target in the stored form of `from`s; null for an absolute URL (it leaves the site). */
export function localTarget(to: string): string | null {
  return to.startsWith('/') ? redirectPath(to) : null
}

export interface ChainStep {
  from: string
  to: string
}

/**
 * Follows `to` through the other redirects (`next` finds the one from a path) to where a visitor finally lands.
 * Returns that target, or the loop it would make back to `from`.
 */
export async function followChain(from: string, to: string, next: (path: string) => Promise<ChainStep | null>): Promise<{ target: string } | { loop: string[] }> {
  const seen = [from]
  let target = to
  for (let hop = 0; hop < 20; hop++) {
    const local = localTarget(target)
    if (local === null) return { target }
    if (seen.includes(local)) return { loop: [...seen, local] }
    const step = await next(local)
    if (!step) return { target }
    seen.push(local)
    target = step.to
  }
  return { loop: [...seen, '…'] }
}
