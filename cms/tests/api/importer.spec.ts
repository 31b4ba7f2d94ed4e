import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createClient } from '@pressroom/sdk'
import type { RunningCms, TestDatabase } from '../../../testing/cms-server'
import { createTestDatabase, runCmsScript, startCms } from '../../../testing/cms-server'

// The importer gets a database of its own, so its posts do not change the shared fixture's totals.
let database: TestDatabase
let cms: RunningCms | undefined
const runs: Array<{ code: number, output: string }> = []

const importBatch = () => runCmsScript('scripts/import-posts.mjs', ['tests/fixtures/import-batch'], database.env)

beforeAll(async () => {
  database = await createTestDatabase()
  runs.push(await importBatch())
  runs.push(await importBatch())
  cms = await startCms(database.env)
})

afterAll(async () => {
  await cms?.stop()
  await database.drop()
})

describe('importing a folder of Markdown posts', () => {
  it('imports the good files and reports each bad file by name and reason', () => {
    const [first] = runs
    expect(first!.output).toContain('+ created first-good-post.md')
    expect(first!.output).toContain('+ created second-good-post.md')
    expect(first!.output).toMatch(/✗ missing-title\.md: title: a title is required/)
    expect(first!.output).toMatch(/✗ broken-front-matter\.md: the front matter is not valid YAML/)
    expect(first!.output).toMatch(/✗ cover-without-alt\.md: coverAlt: coverAlt \(the cover image's alternative text\) is required/)
    expect(first!.output).toMatch(/✗ bad-date\.md: date: date must be a date/)
    expect(first!.output).toContain('Imported 2 file(s): 2 created, 0 updated, 4 failed.')
    // Failures make the command exit non-zero, so a script notices.
    expect(first!.code).toBe(1)
  })

  it('is idempotent: importing again updates the same posts instead of duplicating them', async () => {
    expect(runs[1]!.output).toContain('Imported 2 file(s): 0 created, 2 updated, 4 failed.')
    const page = await createClient({ url: `${cms!.url}/graphql` }).listPosts({ pageSize: 100 })
    expect(page.total).toBe(2)
    expect(page.items.map(post => post.slug).sort()).toEqual(['first-good-imported-post', 'second-good-imported-post'])
  })

  it('keeps each post\'s original date, author and categories from the front matter', async () => {
    const client = createClient({ url: `${cms!.url}/graphql` })
    const first = await client.getPost('first-good-imported-post')
    expect(first.date).toBe('2021-03-04T05:06:07.000Z')
    expect(first.author?.name).toBe('Imported Author')
    expect(first.categories.map(category => category.name).sort()).toEqual(['Imported', 'Patents'])
    expect(first.bodyHtml).toContain('<h2>A heading</h2>')
    expect(first.bodyHtml).toContain('<a href="https://example.com" rel="noopener noreferrer">link</a>')

    const second = await client.getPost('second-good-imported-post')
    expect(second.date).toBe('2021-05-06T00:00:00.000Z')
    expect(second.excerpt).toBe('Only a paragraph, so the excerpt is derived from this very sentence.')
  })
})
