import { copyFileSync, cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createClient, NotFoundError } from '@pressroom/sdk'
import type { RunningCms, TestDatabase } from '../../../testing/cms-server'
import { createTestDatabase, runCmsScript, startCms } from '../../../testing/cms-server'
import { adminAt, POSTS } from '../support/admin'

// A database of its own: the import's posts must not change the shared fixture's totals.
let database: TestDatabase
let cms: RunningCms | undefined
const runs: Array<{ code: number, output: string }> = []
const FIXTURE = path.resolve(__dirname, '../fixtures/wordpress')

// The export and its uploads folder, copied the way a customer hands them over; a later run edits the copy.
const handedOver = mkdtempSync(path.join(os.tmpdir(), 'pressroom-wxr-'))
const exportFile = path.join(handedOver, 'export.xml')
const importExport = () => runCmsScript('scripts/import-posts.mjs', [exportFile], database.env)
const client = () => createClient({ url: `${cms!.url}/graphql` })
const editor = (pathAndQuery: string) => adminAt(cms!.url, 'GET', pathAndQuery)

beforeAll(async () => {
  copyFileSync(path.join(FIXTURE, 'export.xml'), exportFile)
  cpSync(path.join(FIXTURE, 'uploads'), path.join(handedOver, 'uploads'), { recursive: true })
  database = await createTestDatabase()
  runs.push(await importExport())
  runs.push(await importExport())
  cms = await startCms(database.env)
})

afterAll(async () => {
  await cms?.stop()
  await database.drop()
})

/** Every post, drafts included, as the admin's list shows them. */
async function adminPosts(): Promise<Array<Record<string, any>>> {
  const list = await editor(`${POSTS}?page=1&pageSize=100&sort=title:ASC`)
  expect(list.status).toBe(200)
  return list.body.results
}

describe('importing a WordPress export', () => {
  it('imports the posts, reports the broken item by title, id and line, and names what it skipped', () => {
    const [first] = runs
    expect(first!.output).toContain('Importing the WordPress export')
    expect(first!.output).toMatch(/7 posts created \(\d+ posts\/s\), 0 updated, 0 unchanged; 3 new authors, 4 new categories, 2 images uploaded, 7 old addresses redirected/)
    expect(first!.output).toMatch(/✗ 1 item not imported:\n\s+"A post without an id" \(line \d+\): it has no WordPress post id/)
    expect(first!.output).toMatch(/"About us" \(WordPress id 110, line \d+\): it is a page; Pressroom imports posts/)
    expect(first!.output).toMatch(/"Thrown away" \(WordPress id 111, line \d+\): it is in WordPress's trash/)
    expect(first!.output).toMatch(/! 1 image not in the uploads folder.*\n\s+https:\/\/blog\.example\.com\/wp-content\/uploads\/2023\/01\/lost-photo\.jpg\n/)
    // A failed item makes the command exit non-zero, so a script notices; the rest went in.
    expect(first!.code).toBe(1)
  })

  it('publishes only what was public in WordPress; drafts, private and password-protected posts stay drafts', async () => {
    const page = await client().listPosts({ pageSize: 100 })
    expect(page.items.map(post => post.slug).sort()).toEqual(['hostile-markup', 'trademark-questions', 'utility-model-checklist'])
    await expect(client().getPost('memo')).rejects.toBeInstanceOf(NotFoundError)
    await expect(client().getPost('private-review')).rejects.toBeInstanceOf(NotFoundError)
    const statuses = Object.fromEntries((await adminPosts()).map(post => [post.slug, post.status]))
    expect(statuses).toEqual({
      'hostile-markup': 'published',
      'memo': 'draft',
      'notes-on-design-patents': 'draft',
      'outlook-2027': 'draft',
      'private-review': 'draft',
      'trademark-questions': 'published',
      'utility-model-checklist': 'published',
    })
  })

  it('schedules WordPress\'s future post for its date', async () => {
    const scheduled = (await adminPosts()).find(post => post.slug === 'outlook-2027')!
    const draft = await editor(`${POSTS}/${scheduled.documentId}`)
    expect(draft.body.data).toMatchObject({ publishAt: '2027-01-15T08:00:00.000Z', scheduleStatus: 'scheduled' })
  })

  it('keeps each post\'s date, author, categories and tags, excerpt and sticky flag', async () => {
    const post = await client().getPost('utility-model-checklist')
    expect(post.date).toBe('2023-04-12T09:30:00.000Z')
    expect(post.author?.name).toBe('Jane Doe')
    expect(post.categories.map(category => category.name).sort()).toEqual(['China', 'WP Patents'])
    expect(post.excerpt).toBe('The fastest protection China offers & how to get it.')
    expect(post.featured).toBe(true)
    const second = await client().getPost('trademark-questions')
    expect(second.title).toBe('Trademarks & brand names: a Q&A')
    expect(second.author?.name).toBe('Bob Stone')
    expect(second.categories.map(category => category.slug).sort()).toEqual(['brand-protection', 'china', 'wp-trademarks'])
    // No excerpt in WordPress: derived from the body, as for any post.
    expect(second.excerpt).toMatch(/^Why we don’t wait to register a brand\. Filing timeline/)
  })

  it('turns the body\'s HTML into headings, paragraphs, lists, quotes, code and links', async () => {
    const { bodyHtml } = await client().getPost('utility-model-checklist')
    expect(bodyHtml).toMatch(/^<p>A utility model is the fastest protection China offers for a <strong>technical<\/strong> idea\.<br>\s*Most are granted within a year\.<\/p>/)
    expect(bodyHtml).toContain('<h2>Before you file</h2>')
    expect(bodyHtml).toMatch(/<ul><li>Check <em>novelty<\/em> against the <a href="https:\/\/pss-system\.cponline\.cnipa\.gov\.cn\/"[^>]*>CNIPA database<\/a><\/li><li>Prepare drawings<ul><li>Front and side views<\/li><\/ul><\/li><\/ul>/)
    expect(bodyHtml).toContain('<ol><li>File</li><li>Wait</li></ol>')
    expect(bodyHtml).toContain('<blockquote><p>File before you show the factory anything.</p></blockquote>')
    expect(bodyHtml).toMatch(/<pre><code[^>]*>echo &quot;claims\.txt&quot;<\/code><\/pre>/)
    expect(bodyHtml).toMatch(/<p>That is all there is to it\.<\/p>$/)
  })

  it('uploads the images handed over with the export, as the cover and in the body; a missing file stays a reference', async () => {
    const post = await client().getPost('trademark-questions')
    expect(post.cover).toMatchObject({ alt: 'A chart of the filing steps', width: 1200, height: 630 })
    expect(post.cover!.url).toMatch(/\/uploads\/filing_chart_\w+\.jpg$/)
    // The body's resized copy (-300x200) is the same upload, with the body's own alt text.
    expect(post.bodyHtml).toContain(`<img src="${new URL(post.cover!.url).pathname}" alt="A filing timeline chart"`)
    expect(post.bodyHtml).toMatch(/<img src="[^"]*\/uploads\/team_photo_\w+\.jpg" alt="The team in 2024"/)
    // A file that was not handed over: a link to the old address, never an image from another site.
    expect(post.bodyHtml).toMatch(/<a href="https:\/\/blog\.example\.com\/wp-content\/uploads\/2023\/01\/lost-photo\.jpg"[^>]*>Image: A photo whose file was not handed over<\/a>/)
    expect(post.bodyHtml).not.toContain('<img src="https://blog.example.com')
    expect(post.bodyHtml).toContain('<h3>Register first</h3>')
  })

  it('leaves nothing executable of hostile markup, and keeps its text', async () => {
    const { bodyHtml } = await client().getPost('hostile-markup')
    expect(bodyHtml).toContain('Text that survives.')
    expect(bodyHtml).toContain('a script link')
    expect(bodyHtml).toContain('<a href="https://example.com/safe"')
    expect(bodyHtml).toContain('Old markup kept as text')
    for (const executable of ['<script', 'onerror', 'onclick', 'onmouseover', 'onload', 'javascript:', 'data:text', '<iframe', '<svg', 'alert(']) {
      expect(bodyHtml).not.toContain(executable)
    }
  })

  it('redirects each old permalink, and the old category and tag archives, to the new addresses', async () => {
    expect(await client().findRedirect('/2023/04/12/utility-model-checklist')).toMatchObject({ to: '/posts/utility-model-checklist', statusCode: 301 })
    expect(await client().findRedirect('/2024/05/20/trademark-questions')).toMatchObject({ to: '/posts/trademark-questions' })
    expect(await client().findRedirect('/category/wp-patents')).toMatchObject({ to: '/categories/wp-patents' })
    expect(await client().findRedirect('/tag/china')).toMatchObject({ to: '/categories/china' })
    // A draft had no public address to redirect from.
    expect(await client().findRedirect('/2024/09/01/memo')).toBeNull()
  })

  it('makes imported posts findable by search at once', async () => {
    const hits = await client().searchPosts('utility model')
    expect(hits.items.map(hit => hit.post.slug)).toContain('utility-model-checklist')
  })

  it('changes nothing when the same export is imported again', async () => {
    expect(runs[1]!.output).toMatch(/0 posts created \(0 posts\/s\), 0 updated, 7 unchanged; 0 new authors, 0 new categories/)
    expect((await adminPosts())).toHaveLength(7)
    expect((await client().listPosts({ pageSize: 100 })).total).toBe(3)
  })

  it('updates a post whose original changed since the last import, in place', async () => {
    const edited = readFileSync(exportFile, 'utf8').replace('That is all there is to it.', 'That is all there is to it, as of 2025.')
    writeFileSync(exportFile, edited)
    const third = await importExport()
    expect(third.output).toMatch(/0 posts created \(0 posts\/s\), 1 updated, 6 unchanged/)
    // The running CMS learns of another process's writes within 5 seconds (at once with REDIS_URL).
    await expect.poll(async () => (await client().getPost('utility-model-checklist')).bodyHtml, { timeout: 10_000 }).toContain('That is all there is to it, as of 2025.')
    expect((await adminPosts())).toHaveLength(7)
  })
})

describe('a file that is not a WordPress export', () => {
  it('is refused with a clear message and nothing imported', async () => {
    const notAnExport = path.join(handedOver, 'notes.xml')
    writeFileSync(notAnExport, '<notes><note>hello</note></notes>')
    const run = await runCmsScript('scripts/import-posts.mjs', [notAnExport], database.env)
    expect(run.code).toBe(2)
    expect(run.output).toContain('is not a WordPress export: its root element is <notes>, not <rss>.')
  })

  it('that breaks off mid-file is reported with its line', async () => {
    const truncated = path.join(handedOver, 'truncated.xml')
    writeFileSync(truncated, readFileSync(path.join(FIXTURE, 'export.xml'), 'utf8').slice(0, 4000))
    const run = await runCmsScript('scripts/import-posts.mjs', [truncated], database.env)
    expect(run.code).toBe(2)
    expect(run.output).toMatch(/truncated\.xml:\d+:\d+: /)
  })
})
