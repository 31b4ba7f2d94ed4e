import { createId } from '@paralleldrive/cuid2'
import { redirectPath } from '@pressroom/types'
import type { Core } from '@strapi/strapi'
import { fromProblem } from '../../redirects/paths'
import type { Knex } from '../../search/store'
import { insertInChunks } from '../../utils/insert-in-chunks'

const REDIRECT = 'api::redirect.redirect'
const MAX_FROM = 500

export interface OldAddress {
  /** The old page's full address or path ("https://old.example/2019/03/05/hello/"). */
  oldUrl: string
  /** Where it lives now ("/posts/hello"). */
  to: string
  note: string
}

/** The path of an old address as redirects store it; null when it cannot be one (the home page, too long, a query). */
export function oldPath(oldUrl: string): string | null {
  let pathname: string
  try {
    pathname = new URL(oldUrl, 'http://wordpress.invalid').pathname
  }
  catch {
    return null
  }
  const from = redirectPath(pathname)
  if (from === '/' || from.length > MAX_FROM || fromProblem(from)) return null
  return from
}

/**
 * Redirects from the old blog's addresses to the new ones, many at a time: each old permalink answers with a 301 to
 * its post here. An address that already has a redirect (an earlier import's, an editor's) is left as it is.
 * Returns how many were added.
 */
export async function addOldAddresses(strapi: Core.Strapi, addresses: OldAddress[]): Promise<number> {
  const wanted = new Map<string, OldAddress>()
  for (const address of addresses) {
    const from = oldPath(address.oldUrl)
    if (from && from !== address.to && !wanted.has(from)) wanted.set(from, address)
  }
  if (wanted.size === 0) return 0
  const table = strapi.db.metadata.get(REDIRECT).tableName
  return await strapi.db.transaction(async ({ trx }) => {
    const db = trx as unknown as Knex
    const taken = new Set<string>()
    const froms = [...wanted.keys()]
    for (let start = 0; start < froms.length; start += 500) {
      const rows = await db(table).select('from').whereIn('from', froms.slice(start, start + 500)) as Array<{ from: string }>
      for (const row of rows) taken.add(row.from)
    }
    const now = new Date()
    const rows = [...wanted].filter(([from]) => !taken.has(from)).map(([from, address]) => ({
      document_id: createId(), from, to: address.to, status_code: 301, note: address.note.slice(0, 500),
      created_at: now, updated_at: now, published_at: now, locale: null,
    }))
    await insertInChunks(db, table, rows)
    return rows.length
  }) as number
}
