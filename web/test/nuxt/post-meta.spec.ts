import { mountSuspended } from '@nuxt/test-utils/runtime'
import { describe, expect, it } from 'vitest'
import PostMeta from '~/components/post/PostMeta.vue'
import { formatPostDate } from '@pressroom/richtext'

describe('PostMeta', () => {
  it('reads "By Author / On 01 Dec, 2025" like the customer\'s blog, with reading time', async () => {
    const meta = await mountSuspended(PostMeta, { props: { author: { name: 'Claire Huang', slug: 'claire-huang' }, date: '2025-12-01T09:00:00.000Z', readingTimeMinutes: 4 } })
    expect(meta.text().replace(/\s+/g, ' ')).toBe('By Claire Huang / On 01 Dec, 2025 · 4 min read')
    expect(meta.find('a').attributes('href')).toBe('/authors/claire-huang')
    expect(meta.find('time').attributes('datetime')).toBe('2025-12-01T09:00:00.000Z')
  })

  it('leaves out the author when there is none', async () => {
    const meta = await mountSuspended(PostMeta, { props: { author: null, date: '2025-03-09T23:30:00.000Z' } })
    expect(meta.text().replace(/\s+/g, ' ')).toBe('On 09 Mar, 2025')
  })

  it('formats in UTC, so server and browser agree', () => {
    expect(formatPostDate('2025-12-31T23:59:59.000Z')).toBe('31 Dec, 2025')
    expect(formatPostDate('not a date')).toBe('')
  })
})
