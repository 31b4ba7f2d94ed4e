import { mountSuspended } from '@nuxt/test-utils/runtime'
import { describe, expect, it } from 'vitest'
import SitePagination from '~/components/site/SitePagination.vue'

const texts = (wrapper: { findAll: (selector: string) => Array<{ text: () => string }> }) => wrapper.findAll('li').map(item => item.text())

describe('SitePagination', () => {
  it('numbers the pages around the current one, with gaps, newer/older links and plain hrefs', async () => {
    const nav = await mountSuspended(SitePagination, { props: { page: 5, pageCount: 12, basePath: '/' } })
    expect(texts(nav)).toEqual(['1', '…', '4', '5', '6', '…', '12'])
    expect(nav.find('[aria-current="page"]').text()).toBe('5')
    expect(nav.find('a[rel="prev"]').attributes('href')).toBe('/?page=4')
    expect(nav.find('a[rel="next"]').attributes('href')).toBe('/?page=6')
    expect(nav.find('a[aria-label="Page 1"]').attributes('href')).toBe('/')
  })

  it('has no "newer" link on the first page and no "older" link on the last', async () => {
    const first = await mountSuspended(SitePagination, { props: { page: 1, pageCount: 3, basePath: '/categories/patents' } })
    expect(first.find('a[rel="prev"]').exists()).toBe(false)
    expect(first.find('a[rel="next"]').attributes('href')).toBe('/categories/patents?page=2')
    const last = await mountSuspended(SitePagination, { props: { page: 3, pageCount: 3, basePath: '/' } })
    expect(last.find('a[rel="next"]').exists()).toBe(false)
  })

  it('renders nothing for a single page', async () => {
    const single = await mountSuspended(SitePagination, { props: { page: 1, pageCount: 1, basePath: '/' } })
    expect(single.find('nav').exists()).toBe(false)
  })
})
