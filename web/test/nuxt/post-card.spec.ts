import type { PostSummary } from '@pressroom/types'
import { mountSuspended } from '@nuxt/test-utils/runtime'
import { describe, expect, it } from 'vitest'
import PostCard from '~/components/post/PostCard.vue'

const post: PostSummary = {
  documentId: 'abc',
  slug: 'utility-models',
  title: 'Utility models vs invention patents',
  excerpt: 'Which one fits your product?',
  date: '2025-04-08T08:30:00.000Z',
  readingTimeMinutes: 3,
  featured: false,
  cover: {
    url: 'http://cms.test/uploads/cover.jpg',
    alt: 'A balance scale',
    width: 1200,
    height: 630,
    mime: 'image/jpeg',
    formats: [{ url: 'http://cms.test/uploads/small_cover.jpg', width: 500, height: 263 }],
  },
  author: { documentId: 'a1', name: 'Claire Huang', slug: 'claire-huang', avatar: null },
  categories: [{ documentId: 'c1', name: 'Patents', slug: 'patents', description: null }],
}

describe('PostCard', () => {
  it('shows the thumbnail, categories, title, meta line and excerpt, linking to the post', async () => {
    const card = await mountSuspended(PostCard, { props: { post } })
    expect(card.find('h2 a').text()).toBe('Utility models vs invention patents')
    expect(card.find('h2 a').attributes('href')).toBe('/posts/utility-models')
    expect(card.find('.post-categories a').attributes('href')).toBe('/categories/patents')
    expect(card.find('.post-meta').text().replace(/\s+/g, ' ')).toContain('By Claire Huang / On 08 Apr, 2025')
    expect(card.find('.post-card__excerpt').text()).toBe('Which one fits your product?')
  })

  it('gives the thumbnail alt text, size, a srcset and lazy loading unless it is the first', async () => {
    const lazy = await mountSuspended(PostCard, { props: { post } })
    const img = lazy.find('img')
    expect(img.attributes()).toMatchObject({ alt: 'A balance scale', width: '1200', height: '630', loading: 'lazy' })
    expect(img.attributes('srcset')).toBe('http://cms.test/uploads/small_cover.jpg 500w, http://cms.test/uploads/cover.jpg 1200w')
    const eager = await mountSuspended(PostCard, { props: { post, eager: true } })
    expect(eager.find('img').attributes('loading')).toBe('eager')
  })
})
