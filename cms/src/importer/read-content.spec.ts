import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { readContentFolder } from './read-content'
import { slugify } from './slugify'

const fixtures = path.resolve(__dirname, '..', '..', 'tests', 'fixtures')

describe('readContentFolder', () => {
  it('reads a flat folder of posts and reports each bad file with a reason', () => {
    const content = readContentFolder(path.join(fixtures, 'import-batch'))
    expect(content.posts.map(post => path.basename(post.file))).toEqual(['first-good-post.md', 'second-good-post.md'])
    expect(content.posts[0]!.data).toMatchObject({ title: 'First good imported post', author: 'Imported Author', categories: ['Imported', 'Patents'], draft: false })
    expect(content.posts[0]!.data.date?.toISOString()).toBe('2021-03-04T05:06:07.000Z')
    expect(content.problems.map(problem => [path.basename(problem.file), problem.reason])).toEqual([
      ['bad-date.md', 'date: date must be a date such as 2025-12-01 or 2025-12-01T09:00:00Z'],
      ['broken-front-matter.md', expect.stringMatching(/^the front matter is not valid YAML/)],
      ['cover-without-alt.md', 'coverAlt: coverAlt (the cover image\'s alternative text) is required when a cover is set'],
      ['missing-title.md', 'title: a title is required'],
    ])
  })

  it('reads the demo content: authors, categories and posts', () => {
    const demo = readContentFolder(path.resolve(__dirname, '..', '..', 'content', 'demo'))
    expect(demo.problems).toEqual([])
    expect(demo.authors).toHaveLength(2)
    expect(demo.categories).toHaveLength(4)
    expect(demo.posts.filter(post => !post.data.draft).length).toBeGreaterThanOrEqual(8)
    expect(demo.posts.filter(post => post.data.draft)).toHaveLength(1)
    expect(demo.posts.every(post => post.data.cover && post.data.coverAlt)).toBe(true)
  })

  it('says clearly when the folder does not exist', () => {
    expect(() => readContentFolder('/no/such/folder')).toThrow('No folder at /no/such/folder.')
  })
})

describe('slugify', () => {
  it('makes the URL slug the content types accept', () => {
    expect(slugify('Protecting Ideas in China!')).toBe('protecting-ideas-in-china')
    expect(slugify('  Café & Brevet — 2025 ')).toBe('cafe-brevet-2025')
  })
})
