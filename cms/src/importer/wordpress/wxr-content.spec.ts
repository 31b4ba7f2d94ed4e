import { mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ParsedItem } from './wxr-content'
import { parseItem } from './wxr-content'
import type { WxrRecord } from './wxr-reader'
import { readWxr } from './wxr-reader'

const dir = mkdtempSync(path.join(os.tmpdir(), 'pressroom-wxr-unit-'))

/** An export around these channel elements, with the WXR 1.1 namespaces older WordPress versions write. */
async function records(channel: string): Promise<WxrRecord[]> {
  const file = path.join(dir, `export-${Math.random().toString(36).slice(2)}.xml`)
  writeFileSync(file, `<?xml version="1.0"?><rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.1/excerpt/"
    xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:wordpress="http://wordpress.org/export/1.1/"><channel><link>https://old.example</link>${channel}</channel></rss>`)
  const found: WxrRecord[] = []
  for await (const record of readWxr(file)) found.push(record)
  return found
}

async function item(fields: string): Promise<ParsedItem> {
  const [, record] = await records(`<item><title>A post</title><content:encoded><![CDATA[Body]]></content:encoded>${fields}</item>`)
  if (record?.kind !== 'item') throw new Error('no item')
  return parseItem(record.element)
}

describe('reading a WordPress export', () => {
  it('reads the site, and items whatever prefix the file gives WordPress\'s namespace', async () => {
    const found = await records('<wordpress:author><wordpress:author_login>jane</wordpress:author_login></wordpress:author><item><title>x</title></item>')
    expect(found.map(record => record.kind)).toEqual(['site', 'author', 'item'])
    expect(found[0]).toEqual({ kind: 'site', link: 'https://old.example' })
  })

  it('maps WordPress statuses: publish → published, future → scheduled, pending/private/draft → draft', async () => {
    const status = async (value: string) => {
      const parsed = await item(`<wordpress:post_id>7</wordpress:post_id><wordpress:status>${value}</wordpress:status><wordpress:post_date_gmt>2024-01-02 03:04:05</wordpress:post_date_gmt>`)
      return parsed.kind === 'post' ? parsed.post.status : parsed.kind
    }
    expect(await status('publish')).toBe('published')
    expect(await status('future')).toBe('scheduled')
    expect(await status('pending')).toBe('draft')
    expect(await status('private')).toBe('draft')
    expect(await status('trash')).toBe('problem')
  })

  it('a password-protected post comes over as a draft, and only a published post keeps its old address', async () => {
    const parsed = await item('<link>https://old.example/2024/01/02/a/</link><wordpress:post_id>7</wordpress:post_id><wordpress:status>publish</wordpress:status><wordpress:post_password>pw</wordpress:post_password><wordpress:post_date_gmt>2024-01-02 03:04:05</wordpress:post_date_gmt>')
    expect(parsed).toMatchObject({ kind: 'post', post: { status: 'draft', link: null } })
  })

  it('takes the GMT date, else the local one (drafts), else pubDate; refuses an item with none', async () => {
    const date = async (fields: string) => {
      const parsed = await item(`<wordpress:post_id>7</wordpress:post_id>${fields}`)
      return parsed.kind === 'post' ? parsed.post.date.toISOString() : (parsed.kind === 'problem' ? parsed.problem.reason : '')
    }
    expect(await date('<wordpress:post_date_gmt>2024-01-02 03:04:05</wordpress:post_date_gmt>')).toBe('2024-01-02T03:04:05.000Z')
    expect(await date('<wordpress:post_date_gmt>0000-00-00 00:00:00</wordpress:post_date_gmt><wordpress:post_date>2024-05-06 07:08:09</wordpress:post_date>')).toBe('2024-05-06T07:08:09.000Z')
    expect(await date('<pubDate>Wed, 12 Apr 2023 09:30:00 +0000</pubDate>')).toBe('2023-04-12T09:30:00.000Z')
    expect(await date('')).toMatch(/it has no date Pressroom can read/)
  })

  it('decodes HTML entities in titles and percent-encoded slugs', async () => {
    const parsed = await item('<wordpress:post_id>7</wordpress:post_id><wordpress:post_name>caf%c3%a9-notes</wordpress:post_name><wordpress:post_date_gmt>2024-01-02 03:04:05</wordpress:post_date_gmt>')
    expect(parsed).toMatchObject({ kind: 'post', post: { slug: 'café-notes', title: 'A post' } })
    const [, record] = await records('<item><title>Q&amp;amp;A &amp;#8211; part 2</title></item>')
    expect(record?.kind === 'item' && parseItem(record.element)).toMatchObject({ kind: 'problem', problem: { item: '"Q&A – part 2" (line 3)' } })
  })
})
