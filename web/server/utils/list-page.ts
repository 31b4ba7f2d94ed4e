import type { H3Event } from 'h3'
import type { PressroomClient } from '@pressroom/sdk'

/** Beyond any blog's last page (9 posts a page): answered 404 without asking the CMS, whose GraphQL Int is 32-bit. */
const MAX_LIST_PAGE = 1_000_000

/**
 * Page `page` of a list from the CMS. Past the list's last page the answer is a 404 — never an empty 200 that
 * search engines would index as a soft 404. Page 1 of an empty list is still a page.
 */
export async function listPageFromCms<T>(event: H3Event, page: number, call: (cms: PressroomClient) => Promise<T>, pageCount: (result: T) => number): Promise<T> {
  if (page <= MAX_LIST_PAGE) {
    const result = await fromCms(event, call)
    const last = Math.max(pageCount(result), 1)
    if (page <= last) return result
    throw pageNotFound(page, last)
  }
  throw pageNotFound(page)
}

function pageNotFound(page: number, last?: number) {
  const ends = last === undefined ? '' : last === 1 ? ': everything here fits on one page' : `: the list ends at page ${last}`
  return createError({ statusCode: 404, statusMessage: 'Not Found', message: `There is no page ${page}${ends}.` })
}
