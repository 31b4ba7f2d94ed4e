// A generated WordPress export (WXR) for the archive benchmark: realistic posts of 300–1,500 words in the classic
// editor's HTML (paragraphs by blank lines, headings, lists, links, emphasis), by 20 authors in 50 categories,
// written as a stream. Deterministic: the same count gives the same file.
import { createWriteStream } from 'node:fs'
import { once } from 'node:events'
import { generator, sentence } from '../../cms/tests/support/synthetic-posts.mjs'

const AUTHORS = 20
const CATEGORIES = 50
const cdata = text => `<![CDATA[${text}]]>`

function body(random) {
  const words = 300 + Math.floor(random() * 1200)
  const parts = []
  for (let written = 0; written < words;) {
    const kind = random()
    if (kind < 0.1) parts.push(`<h2>${sentence(random, 5)}</h2>`)
    else if (kind < 0.18) parts.push(`<ul>\n${Array.from({ length: 3 }, () => `\t<li>${sentence(random, 8)}</li>`).join('\n')}\n</ul>`)
    else {
      const paragraph = Array.from({ length: 4 }, () => sentence(random, 15))
      paragraph[1] = `<strong>${paragraph[1]}</strong> <a href="https://example.com/source/${Math.floor(random() * 1000)}">source</a>`
      parts.push(paragraph.join(' '))
    }
    written += kind < 0.1 ? 5 : kind < 0.18 ? 24 : 62
  }
  return parts.join('\n\n')
}

/** Writes an export of `count` published posts to `file`; resolves with its size in bytes. */
export async function writeWordPressExport(file, count) {
  const out = createWriteStream(file)
  const write = async (text) => {
    if (!out.write(text)) await once(out, 'drain')
  }
  await write(`<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
<title>Archive benchmark</title>
<link>https://archive.example.com</link>
<wp:wxr_version>1.2</wp:wxr_version>
`)
  for (let a = 1; a <= AUTHORS; a += 1) {
    await write(`<wp:author><wp:author_id>${a}</wp:author_id><wp:author_login>${cdata(`author${a}`)}</wp:author_login><wp:author_display_name>${cdata(`Archive Author ${a}`)}</wp:author_display_name></wp:author>\n`)
  }
  for (let c = 1; c <= CATEGORIES; c += 1) {
    await write(`<wp:category><wp:term_id>${c}</wp:term_id><wp:category_nicename>${cdata(`topic-${c}`)}</wp:category_nicename><wp:cat_name>${cdata(`Topic ${c}`)}</wp:cat_name></wp:category>\n`)
  }
  const start = Date.parse('2024-12-31T12:00:00Z')
  for (let n = 1; n <= count; n += 1) {
    const random = generator(n * 7919)
    const date = new Date(start - n * 3_600_000)
    const stamp = date.toISOString().slice(0, 19).replace('T', ' ')
    const [y, m, d] = stamp.split(/[- ]/)
    const slug = `archive-post-${n}`
    const title = `${sentence(random, 6).slice(0, -1)} (${n})`
    const category = 1 + (n % CATEGORIES)
    await write(`<item>
<title>${title}</title>
<link>https://archive.example.com/${y}/${m}/${d}/${slug}/</link>
<dc:creator>${cdata(`author${1 + (n % AUTHORS)}`)}</dc:creator>
<content:encoded>${cdata(body(random))}</content:encoded>
<excerpt:encoded>${cdata('')}</excerpt:encoded>
<wp:post_id>${n}</wp:post_id>
<wp:post_date_gmt>${cdata(stamp)}</wp:post_date_gmt>
<wp:post_name>${cdata(slug)}</wp:post_name>
<wp:status>${cdata('publish')}</wp:status>
<wp:post_type>${cdata('post')}</wp:post_type>
<category domain="category" nicename="topic-${category}">${cdata(`Topic ${category}`)}</category>
<category domain="category" nicename="topic-${1 + ((n * 7) % CATEGORIES)}">${cdata(`Topic ${1 + ((n * 7) % CATEGORIES)}`)}</category>
</item>
`)
  }
  await write('</channel>\n</rss>\n')
  out.end()
  await once(out, 'finish')
  return out.bytesWritten
}
