import { BadRequestError, createClient } from '@pressroom/sdk'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { admin, POSTS } from '../support/admin'
import { graphql } from '../support/graphql'

// Runs on SQLite and again on PostgreSQL (the cms project's second pass): the same answers from FTS5 and tsvector.
const client = () => createClient({ url: `${inject('cmsUrl')}/graphql` })
const search = (query: string, options = {}) => client().searchPosts(query, options)
const slugsFor = async (query: string) => (await search(query, { pageSize: 20 })).items.map(hit => hit.post.slug)

const created: string[] = []
let authorDocumentId = ''

const paragraph = (text: string) => ({ type: 'paragraph', children: [{ type: 'text', text }] })

/** Writes a post in the admin, in the categories with these documentIds; publishes it unless `draft`. Returns its documentId. */
async function writePost(slug: string, title: string, body: string, { draft = false, categories = [] as string[] } = {}) {
  const response = await admin('POST', POSTS, {
    title,
    slug,
    body: [paragraph(body)],
    author: { connect: [{ documentId: authorDocumentId }] },
    categories: { connect: categories.map(documentId => ({ documentId })) },
  })
  expect(response.status).toBe(201)
  const documentId = response.body.data.documentId as string
  created.push(documentId)
  if (!draft) expect((await admin('POST', `${POSTS}/${documentId}/actions/publish`, {})).status).toBe(200)
  return documentId
}

beforeAll(async () => {
  const authors = await admin('GET', '/content-manager/collection-types/api::author.author?pageSize=1')
  authorDocumentId = authors.body.results[0].documentId
  await writePost('zephyrine-in-the-title', 'Zephyrine filings explained', 'A short note on a rare mark.')
  await writePost('zephyrine-in-the-body', 'A post about something else', 'Deep in this body we mention zephyrine once, among many other words about suppliers.')
  await writePost('quartz-lantern-phrase', 'Lighting products', 'Our client makes a quartz lantern for campers.')
  await writePost('lantern-of-quartz', 'More lighting', 'This lantern is made of quartz and brass.')
  await writePost('chinese-and-accents', 'Working with Chinese partners', '我们的专利申请已经提交。 The Café Zéphyr brand was registered.')
  await writePost('never-published-draft', 'Unpublished plans for zephyrine', 'A draft about zephyrine that nobody may find.', { draft: true })
})

afterAll(async () => {
  for (const documentId of created) await admin('DELETE', `${POSTS}/${documentId}`)
})

describe('searchPosts', () => {
  it('ranks a title match above a body match, and never finds a draft', async () => {
    const result = await search('zephyrine')
    expect(result.items.map(hit => hit.post.slug)).toEqual(['zephyrine-in-the-title', 'zephyrine-in-the-body'])
    expect(result.total).toBe(2)
  })

  it('returns a snippet of escaped text whose only markup is <mark> around the matches', async () => {
    const [hit] = (await search('suppliers zephyrine')).items
    expect(hit!.post.slug).toBe('zephyrine-in-the-body')
    expect(hit!.snippet).toContain('<mark>zephyrine</mark>')
    expect(hit!.snippet).toContain('<mark>suppliers</mark>')
    expect(hit!.snippet.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/)
  })

  it('matches the word being typed as a prefix, and English word forms by their stem', async () => {
    expect(await slugsFor('zephyri')).toEqual(['zephyrine-in-the-title', 'zephyrine-in-the-body'])
    // Typed past the stem: "toolin" is a prefix of no indexed stem ("tooling" is indexed as "tool").
    expect((await search('toolin')).total).toBeGreaterThan(0)
    expect(await slugsFor('lanterns')).toEqual(expect.arrayContaining(['quartz-lantern-phrase', 'lantern-of-quartz']))
    // Demo content: "patents" finds posts that say "patent".
    expect((await search('patents')).total).toBeGreaterThan(2)
  })

  it('matches "quoted phrases" only as phrases', async () => {
    expect(await slugsFor('"quartz lantern"')).toEqual(['quartz-lantern-phrase'])
    expect(await slugsFor('quartz lantern ')).toEqual(expect.arrayContaining(['quartz-lantern-phrase', 'lantern-of-quartz']))
  })

  it('is case- and accent-insensitive, and finds Chinese text', async () => {
    expect(await slugsFor('CAFE ZEPHYR ')).toEqual(['chinese-and-accents'])
    // The demo post on utility models mentions 专利 too.
    expect((await slugsFor('专利')).sort()).toEqual(['chinese-and-accents', 'utility-models-vs-invention-patents-which-one-fits-your-product'])
    expect(await slugsFor('专利申请')).toEqual(['chinese-and-accents'])
    const hit = (await search('专利')).items.find(item => item.post.slug === 'chinese-and-accents')
    expect(hit!.snippet).toContain('<mark>专</mark><mark>利</mark>')
  })

  it('counts author and category names', async () => {
    const { items } = await search('Claire Huang')
    expect(items.length).toBeGreaterThan(0)
    expect(items.every(hit => hit.post.author?.name === 'Claire Huang')).toBe(true)
  })

  it('filters by category and paginates with totals', async () => {
    const all = await search('patent', { pageSize: 2 })
    expect(all.pageCount).toBe(Math.ceil(all.total / 2))
    const second = await search('patent', { pageSize: 2, page: 2 })
    expect(second.items.map(hit => hit.post.slug)).not.toEqual(all.items.map(hit => hit.post.slug))
    const trademarks = await search('patent', { category: 'trademarks', pageSize: 20 })
    expect(trademarks.total).toBeLessThan(all.total)
    expect(trademarks.items.every(hit => hit.post.categories.some(category => category.slug === 'trademarks'))).toBe(true)
  })
})

describe('the index follows publishing', () => {
  it('finds a post as soon as its publish returns, and not once it is unpublished or deleted', async () => {
    const documentId = await writePost('publish-then-unpublish', 'Xylophonic trademarks', 'A post about xylophonic marks.')
    expect(await slugsFor('xylophonic')).toEqual(['publish-then-unpublish'])
    expect((await admin('POST', `${POSTS}/${documentId}/actions/unpublish`, {})).status).toBe(200)
    expect(await slugsFor('xylophonic')).toEqual([])
    expect((await admin('POST', `${POSTS}/${documentId}/actions/publish`, {})).status).toBe(200)
    expect(await slugsFor('xylophonic')).toEqual(['publish-then-unpublish'])
    expect((await admin('DELETE', `${POSTS}/${documentId}`)).status).toBe(200)
    expect(await slugsFor('xylophonic')).toEqual([])
  })
})

describe('the index follows authors and categories', () => {
  const CATEGORIES = '/content-manager/collection-types/api::category.category'

  it('follows a category\'s renames, links and deletion to its posts at once, and re-indexes no other post', async () => {
    const category = await admin('POST', CATEGORIES, { name: 'Quillwort studies', slug: 'quillwort-studies' })
    expect(category.status).toBe(201)
    const categoryId = category.body.data.documentId as string
    await writePost('filed-under-quillwort', 'A post in a small category', 'Ordinary words about plinthwick filings.', { categories: [categoryId] })
    expect(await slugsFor('quillwort')).toEqual(['filed-under-quillwort'])

    /** Renames the category; returns the SQL queries the editor's request ran. */
    const rename = async (name: string, slug: string) => {
      const response = await admin('PUT', `${CATEGORIES}/${categoryId}`, { name, slug })
      expect(response.status).toBe(200)
      return Number(response.headers.get('x-sql-queries'))
    }
    await rename('Nettlebrook studies', 'nettlebrook-studies')
    expect(await slugsFor('nettlebrook')).toEqual(['filed-under-quillwort'])
    expect(await slugsFor('quillwort')).toEqual([])
    expect((await search('plinthwick', { category: 'nettlebrook-studies' })).items.map(hit => hit.post.slug)).toEqual(['filed-under-quillwort'])

    // A rename costs the same whatever else is published: only the category's own posts are re-indexed.
    const before = await rename('Bramblecote studies', 'bramblecote-studies')
    const unrelated: string[] = []
    for (const n of [1, 2, 3]) unrelated.push(await writePost(`unrelated-post-${n}`, `Unrelated post ${n}`, 'Nothing to do with that category.'))
    expect(await rename('Thistledown studies', 'thistledown-studies')).toBe(before)
    expect(await slugsFor('thistledown')).toEqual(['filed-under-quillwort'])
    // Editing anything else re-indexes nothing.
    const described = await admin('PUT', `${CATEGORIES}/${categoryId}`, { description: 'Posts about plants.' })
    expect(described.status).toBe(200)
    expect(Number(described.headers.get('x-sql-queries'))).toBeLessThan(before)

    // A post put into the category from the category's own form is found under it.
    expect((await admin('PUT', `${CATEGORIES}/${categoryId}`, { posts: { connect: [{ documentId: unrelated[2] }] } })).status).toBe(200)
    expect(await slugsFor('thistledown')).toEqual(expect.arrayContaining(['filed-under-quillwort', 'unrelated-post-3']))

    expect((await admin('DELETE', `${CATEGORIES}/${categoryId}`)).status).toBe(200)
    expect(await slugsFor('thistledown')).toEqual([])
    expect(await slugsFor('plinthwick')).toEqual(['filed-under-quillwort'])
    expect(await slugsFor('unrelated')).toEqual(expect.arrayContaining(['unrelated-post-3']))
  })
})

describe('bad input never causes a server error', () => {
  it.each([
    ['empty', ''],
    ['only spaces', '   '],
    ['full-text syntax', '"unbalanced * -minus col:on (paren NEAR(a b) OR AND NOT'],
    ['SQL injection', '\'; DROP TABLE posts; --'],
    ['another injection', '") OR 1=1 --'],
    ['emoji', '🦄🔥 patent'],
    ['lone operators', '* - : ( ) "'],
  ])('%s → a normal answer', async (_name, query) => {
    const { status, body } = await graphql('query($q: String!) { searchPosts(query: $q) { total hits { snippet } } }', { q: query })
    expect(status).toBe(200)
    expect(body.errors).toBeUndefined()
    expect(body.data!.searchPosts.total).toBeGreaterThanOrEqual(0)
  })

  it('empty input finds nothing', async () => {
    expect((await search('   ')).total).toBe(0)
  })

  it('refuses a 10,000-character query with a clear message', async () => {
    const { body } = await graphql('query($q: String!) { searchPosts(query: $q) { total } }', { q: 'patent '.repeat(1_430) })
    expect(body.errors?.[0]?.message).toMatch(/at most 200 characters/)
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT')
    await expect(search('x'.repeat(10_000))).rejects.toThrow(BadRequestError)
  })

  it('caps the page size', async () => {
    const { body } = await graphql('{ searchPosts(query: "patent", pageSize: 100000) { pageSize } }')
    expect(body.data!.searchPosts.pageSize).toBe(100)
  })
})
