import type { H3Event } from 'h3'
import { z } from 'zod'

/**
 * Query parameters every list accepts. A malformed page number (`abc`, `-1`, `1.5`, `1e309`) is a 400; one past
 * the last page is a 404 (listPageFromCms), so no empty "page 999" is ever indexed.
 */
export const listQuery = z.object({
  page: z.coerce.number({ error: 'page must be a whole number' }).int('page must be a whole number, such as 2').min(1, 'page numbers start at 1').default(1),
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

/**
 * The request's query parameters checked against `schema`. When they do not fit, a 400 whose message is the
 * schema's own words ("page must be a whole number, such as 2"), not h3's dump of the validator's issues.
 */
export function readQuery<T extends z.ZodType>(event: H3Event, schema: T): z.infer<T> {
  return parseOrRefuse(schema, getQuery(event))
}

/** The route's parameters (`:slug`) checked against `schema`, like readQuery. */
export function readRouterParams<T extends z.ZodType>(event: H3Event, schema: T): z.infer<T> {
  return parseOrRefuse(schema, getRouterParams(event))
}

function parseOrRefuse<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const result = schema.safeParse(input)
  if (result.success) return result.data
  throw createError({ statusCode: 400, statusMessage: 'Bad Request', message: result.error.issues.map(issue => `${issue.message}.`.replace(/\.\.$/, '.')).join(' ') })
}
