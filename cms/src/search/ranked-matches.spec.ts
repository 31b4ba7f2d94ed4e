import { createRequire } from 'node:module'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Knex, SearchStore } from './store'
import { searchStore } from './store'
import { parseSearchQuery } from './query'

/** Knex as Strapi loads it (a dependency of @strapi/database, not of the CMS itself), on an in-memory SQLite. */
function memoryDatabase(): Knex {
  let require = createRequire(path.resolve(__dirname, '../../package.json'))
  for (const name of ['@strapi/strapi', '@strapi/core', '@strapi/database']) require = createRequire(require.resolve(name))
  const knex = require('knex') as (config: object) => Knex
  return knex({ client: 'better-sqlite3', connection: { filename: ':memory:' }, useNullAsDefault: true })
}

const POSTS = 30
let db: Knex
let store: SearchStore

beforeAll(async () => {
  db = memoryDatabase()
  // Ranking stops at the newest 10 matches here (2,000 in the CMS), so a small index shows the rule.
  store = searchStore('sqlite', { rankedMatches: 10 })
  await store.ensure(db)
  for (let n = 1; n <= POSTS; n += 1) {
    // The oldest post is the best match by far: "patent" in its title.
    await store.upsert(db, { documentId: `post-${n}`, title: n === 1 ? 'patent patent patent' : `note ${n}`, excerpt: '', names: '', body: `a patent mentioned once in a long body ${'word '.repeat(n)}`, categorySlugs: [] })
  }
})

afterAll(async () => {
  await db.destroy()
})

describe('a word in more posts than are ranked (SQLite)', () => {
  it('ranks only the newest matches for the first pages, and still counts every match', async () => {
    const page = await store.search(db, parseSearchQuery('patent'), { limit: 5, offset: 0 })
    expect(page.total).toBe(POSTS)
    const numbers = page.hits.map(hit => Number(hit.documentId.slice('post-'.length)))
    expect(numbers.every(n => n > POSTS - 10)).toBe(true)
    // Within the newest ten, relevance still orders them: the shortest body first.
    expect(numbers).toEqual([21, 22, 23, 24, 25])
  })

  it('ranks every match for a page beyond the newest ones, so every result can be reached', async () => {
    const page = await store.search(db, parseSearchQuery('patent'), { limit: 5, offset: 10 })
    expect(page.total).toBe(POSTS)
    expect(page.hits.map(hit => hit.documentId)).toEqual(['post-11', 'post-12', 'post-13', 'post-14', 'post-15'])
  })

  it('ranks every match when they are fewer than the bound: the title match leads', async () => {
    const page = await searchStore('sqlite').search(db, parseSearchQuery('patent'), { limit: 3, offset: 0 })
    expect(page.hits.map(hit => hit.documentId)).toEqual(['post-1', 'post-2', 'post-3'])
  })
})
