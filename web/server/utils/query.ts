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
