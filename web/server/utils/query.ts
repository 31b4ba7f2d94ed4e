import { z } from 'zod'

/** Query parameters every list accepts. `page` beyond the last page simply returns no posts. */
export const listQuery = z.object({
  page: z.coerce.number({ error: 'page must be a whole number' }).int('page must be a whole number').min(1, 'page starts at 1').max(10_000).default(1),
})

export const slugParam = z.object({
  slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'not a valid slug').max(120),
})

/** Posts per page on the site's lists. */
export const PAGE_SIZE = 9

/** The search page's parameters. An empty query is allowed (it finds nothing); an overlong one is refused. */
export const searchQuery = listQuery.extend({
  q: z.string().trim().max(200, 'Search queries can be at most 200 characters long.').default(''),
})

/** A `since` parameter: an ISO 8601 date or date-time; `missing` is the message when it is absent. */
export function sinceDate(missing: string) {
  return z.string({ error: missing }).refine(value => /^\d{4}-\d{2}-\d{2}/.test(value) && !Number.isNaN(Date.parse(value)), 'since must be an ISO 8601 date, e.g. 2025-12-01 or 2025-12-01T09:00:00Z')
}

/** A feed's optional `since`. */
export const feedQuery = z.object({ since: sinceDate('since must be a date').optional() })
