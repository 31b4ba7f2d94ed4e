import { createClient, NotFoundError } from '@pressroom/sdk'
import { describe, expect, it } from 'vitest'
import { inject } from 'vitest'
import { SYNTHETIC_POSTS } from '../support/global-setup'

// The demo content (cms/content/demo): 9 published posts, 1 draft, 2 authors, 4 categories.
const DEMO_PUBLISHED = 9
// Published test fixtures (cms/tests/fixtures/content): the hostile-HTML post.
const FIXTURES_PUBLISHED = 1
const ALL_PUBLISHED = DEMO_PUBLISHED + FIXTURES_PUBLISHED + SYNTHETIC_POSTS

const client = () => createClient({ url: `${inject('cmsUrl')}/graphql` })

describe('listing posts through the sdk', () => {
  it('returns a page of published posts with author, categories, cover and totals', async () => {
    const page = await client().listPosts({ page: 1, pageSize: 5 })
    expect(page.total).toBe(ALL_PUBLISHED)
    expect(page.pageSize).toBe(5)
    expect(page.pageCount).toBe(Math.ceil(ALL_PUBLISHED / 5))
    expect(page.items).toHaveLength(5)
    for (const post of page.items) {
      expect(post.title).not.toBe('')
      expect(post.author?.name).toMatch(/\S/)
      expect(post.categories.length).toBeGreaterThan(0)
      expect(post.cover?.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/uploads\/.+\.jpg$/)
      expect(post.cover?.alt).toMatch(/\S/)
      expect(post.excerpt.length).toBeGreaterThan(20)
      expect(post.readingTimeMinutes).toBeGreaterThanOrEqual(1)
    }
  })

  it('sorts newest first by the publication date editors set', async () => {
    const { items } = await client().listPosts({ pageSize: 20 })
    const dates = items.map(post => Date.parse(post.date))
    expect(dates).toEqual([...dates].sort((a, b) => b - a))
    // The demo posts keep the dates from their Markdown front matter (2025), ahead of the synthetic ones (2024).
    expect(items[0]!.date.startsWith('2025-')).toBe(true)
  })

  it('paginates without overlap and reaches the last partial page', async () => {
    const first = await client().listPosts({ page: 1, pageSize: 50 })
    const second = await client().listPosts({ page: 2, pageSize: 50 })
    const last = await client().listPosts({ page: 3, pageSize: 50 })
    const slugs = [...first.items, ...second.items, ...last.items].map(post => post.slug)
    expect(new Set(slugs).size).toBe(ALL_PUBLISHED)
    expect(last.items).toHaveLength(ALL_PUBLISHED - 100)
  })

  it('filters by category, by author and by date', async () => {
    const patents = await client().listPosts({ category: 'patents', pageSize: 100 })
    expect(patents.total).toBeGreaterThan(0)
    expect(patents.total).toBeLessThan(DEMO_PUBLISHED)
    for (const post of patents.items) expect(post.categories.map(category => category.slug)).toContain('patents')

    const byClaire = await client().listPosts({ author: 'claire-huang', pageSize: 100 })
    const byMarcus = await client().listPosts({ author: 'marcus-reid', pageSize: 100 })
    expect(byClaire.items.every(post => post.author?.slug === 'claire-huang')).toBe(true)
    expect(byClaire.total + byMarcus.total).toBe(ALL_PUBLISHED)

    const since = await client().postsSince('2025-01-01T00:00:00Z', { pageSize: 100 })
    expect(since.total).toBe(DEMO_PUBLISHED)
    expect(since.items.every(post => post.date >= '2025-01-01')).toBe(true)
  })

  it('derives an excerpt from the body when the editor left it empty', async () => {
    const { items } = await client().listPosts({ category: 'archive', pageSize: 1 })
    expect(items[0]!.excerpt).toMatch(/\S.{20,}/)
    expect(items[0]!.excerpt.length).toBeLessThanOrEqual(200)
  })
})

describe('a post by slug', () => {
  it('returns the full post: body as HTML, author with avatar, categories, cover formats', async () => {
    const { items } = await client().listPosts({ category: 'patents', pageSize: 1 })
    const post = await client().getPost(items[0]!.slug)
    expect(post.title).toBe(items[0]!.title)
    expect(post.bodyHtml).toMatch(/<h2>.+<\/h2>/)
    expect(post.bodyHtml).toMatch(/<p>.+<\/p>/)
    expect(post.author?.avatar?.url).toMatch(/\/uploads\/.+\.jpg$/)
    expect(post.cover?.formats.length).toBeGreaterThan(0)
    const widths = post.cover!.formats.map(format => format.width)
    expect(widths).toEqual([...widths].sort((a, b) => a - b))
  })

  it('throws NotFoundError for an unknown slug', async () => {
    await expect(client().getPost('no-such-post')).rejects.toBeInstanceOf(NotFoundError)
  })
})

describe('categories and authors', () => {
  it('lists categories and finds one by slug', async () => {
    const categories = await client().listCategories()
    expect(categories.map(category => category.slug)).toEqual(expect.arrayContaining(['crowdfunding', 'manufacturing', 'patents', 'trademarks']))
    const patents = await client().getCategory('patents')
    expect(patents.name).toBe('Patents')
    expect(patents.description).toMatch(/\S/)
    await expect(client().getCategory('no-such-category')).rejects.toBeInstanceOf(NotFoundError)
  })

  it('counts each category\'s published posts only (the demo\'s draft is not counted)', async () => {
    const categories = await client().listCategories()
    for (const category of categories) {
      const published = await client().listPosts({ category: category.slug, pageSize: 1 })
      expect(category.postCount, category.slug).toBe(published.total)
    }
    expect(categories.reduce((sum, category) => sum + category.postCount, 0)).toBeGreaterThan(0)
  })

  it('lists the categories editors put in the header, by their position', async () => {
    const navigation = await client().listNavigationCategories()
    expect(navigation.map(category => category.slug)).toEqual(['patents', 'trademarks', 'manufacturing', 'crowdfunding'])
  })

  it('lists authors and finds one by slug with bio, avatar and links', async () => {
    const authors = await client().listAuthors()
    expect(authors.map(author => author.slug)).toEqual(expect.arrayContaining(['claire-huang', 'marcus-reid']))
    const claire = await client().getAuthor('claire-huang')
    expect(claire.bio).toMatch(/patent/i)
    expect(claire.avatar?.alt).toMatch(/\S/)
    expect(claire.links[0]?.url).toMatch(/^https:\/\//)
    await expect(client().getAuthor('nobody')).rejects.toBeInstanceOf(NotFoundError)
  })
})
