import { redirectPath } from '@pressroom/types'
import type { Core, Modules } from '@strapi/strapi'
import { fieldError } from '../utils/field-error'
import { followChain, fromProblem, storedTarget, toProblem } from './paths'

export const REDIRECT = 'api::redirect.redirect'

interface RedirectRow {
  documentId: string
  from: string
  to: string
}

const redirects = (strapi: Core.Strapi) => strapi.db.query(REDIRECT)

/** The redirect from `path`, other than the one being saved. */
async function redirectFrom(strapi: Core.Strapi, path: string, except?: string): Promise<RedirectRow | null> {
  const row = await redirects(strapi).findOne({ select: ['documentId', 'from', 'to'], where: { from: path } }) as RedirectRow | null
  return row && row.documentId !== except ? row : null
}

/**
 * Every redirect, whoever makes it (an editor by hand, the slug-change rule, an import): `from` is stored in one
 * form (redirectPath), both ends are checked, a loop is refused with the path it would take, a chain is collapsed
 * so every redirect leads straight to the final address (a→b→c answers a→c), and redirects that led to this one's
 * `from` are pointed at its target in the same transaction.
 */
export function redirectRules(strapi: Core.Strapi): Modules.Documents.Middleware.Middleware {
  return async (ctx, next) => {
    if (ctx.uid !== REDIRECT || (ctx.action !== 'create' && ctx.action !== 'update')) return next()
    const params = ctx.params as { documentId?: string, data?: { from?: unknown, to?: unknown } }
    const data = params.data ?? {}
    const current = params.documentId ? await redirects(strapi).findOne({ select: ['from', 'to'], where: { documentId: params.documentId } }) as RedirectRow | null : null
    const from = typeof data.from === 'string' ? data.from.trim() : current?.from
    const to = typeof data.to === 'string' ? data.to.trim() : current?.to
    if (from === undefined || to === undefined) return next()

    const badFrom = fromProblem(from)
    if (badFrom) throw fieldError('from', badFrom)
    const badTo = toProblem(to)
    if (badTo) throw fieldError('to', badTo)
    const stored = redirectPath(from)
    const route = await followChain(stored, to, path => redirectFrom(strapi, path, params.documentId))
    if ('loop' in route) throw fieldError('to', `This redirect would go round in a circle: ${route.loop.join(' → ')}. Point "To" somewhere else, or remove the redirect that leads back.`)
    const target = storedTarget(route.target)
    params.data = Object.assign(data, { from: stored, to: target })

    return strapi.db.transaction(async () => {
      const result = await next()
      await redirects(strapi).updateMany({ where: { to: stored }, data: { to: target } })
      return result
    })
  }
}
