import { createReadStream } from 'node:fs'
import type { SaxesTagNS } from 'saxes'
import { SaxesParser } from 'saxes'

/**
 * One element of a WordPress export record, as read: its name (`wp:post_id`, `content:encoded`, `category`…), its
 * attributes, its text (CDATA included) and its child elements.
 */
export interface WxrElement {
  name: string
  attributes: Record<string, string>
  text: string
  children: WxrElement[]
  /** Line of the export file the element starts on, for reports. */
  line: number
}

/** The records of a WXR file: the channel's authors and terms, and its items (posts, pages, attachments…). */
export type WxrRecord =
  | { kind: 'site', link: string }
  | { kind: 'author' | 'category' | 'tag' | 'item', element: WxrElement }

const RECORDS = new Map<string, 'author' | 'category' | 'tag' | 'item'>([['wp:author', 'author'], ['wp:category', 'category'], ['wp:tag', 'tag'], ['item', 'item']])

/**
 * The prefix an export's namespace stands for, whatever prefix the file chose: WordPress has written
 * `http://wordpress.org/export/1.0/` to `1.2/` over the years, with `excerpt/` beneath it.
 */
function prefixOf(uri: string): string {
  if (/^https?:\/\/wordpress\.org\/export\/[\d.]+\/excerpt\/?$/.test(uri)) return 'excerpt:'
  if (/^https?:\/\/wordpress\.org\/export\/[\d.]+\/?$/.test(uri)) return 'wp:'
  if (uri === 'http://purl.org/rss/1.0/modules/content/') return 'content:'
  if (uri === 'http://purl.org/dc/elements/1.1/') return 'dc:'
  return uri === '' ? '' : `${uri}:`
}

/** The channel-level elements records live in: `rss > channel > record`. */
const RECORD_DEPTH = 2

/**
 * Reads a WordPress export (WXR) as a stream of records, one item at a time: memory stays bounded by the largest
 * item, whatever the size of the file. A file that is not well-formed XML fails with its line and column.
 */
export async function* readWxr(file: string): AsyncGenerator<WxrRecord> {
  const parser = new SaxesParser<{ xmlns: true, position: true, fileName: string }>({ xmlns: true, position: true, fileName: file })
  const ready: WxrRecord[] = []
  const open: WxrElement[] = []
  let depth = 0
  let channelLink: WxrElement | null = null
  let sawRss = false

  parser.on('opentag', (tag: SaxesTagNS) => {
    const name = `${prefixOf(tag.uri)}${tag.local}`
    if (depth === 0) {
      if (name !== 'rss') throw new Error(`${file} is not a WordPress export: its root element is <${tag.name}>, not <rss>.`)
      sawRss = true
    }
    depth += 1
    const inRecord = open.length > 0
    if (!inRecord && !(depth === RECORD_DEPTH + 1 && (RECORDS.has(name) || name === 'link'))) return
    const attributes: Record<string, string> = {}
    for (const attribute of Object.values(tag.attributes)) attributes[attribute.local] = attribute.value
    const element: WxrElement = { name, attributes, text: '', children: [], line: parser.line }
    open.at(-1)?.children.push(element)
    open.push(element)
  })
  const addText = (text: string) => {
    const element = open.at(-1)
    if (element) element.text += text
  }
  parser.on('text', addText)
  parser.on('cdata', addText)
  parser.on('closetag', () => {
    depth -= 1
    if (open.length === 0) return
    const element = open.pop()!
    if (open.length > 0) return
    const kind = RECORDS.get(element.name)
    if (kind) ready.push({ kind, element })
    else if (element.name === 'link' && !channelLink) {
      channelLink = element
      ready.push({ kind: 'site', link: element.text.trim() })
    }
  })

  for await (const chunk of createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 16 })) {
    parser.write(chunk as string)
    yield* ready.splice(0)
  }
  parser.close()
  if (!sawRss) throw new Error(`${file} is empty: a WordPress export starts with <rss>.`)
  yield* ready.splice(0)
}

/** The trimmed text of a record's first child with this name ('' when absent). */
export function childText(element: WxrElement, name: string): string {
  return element.children.find(child => child.name === name)?.text.trim() ?? ''
}

/** A child's text exactly as written (post bodies keep their whitespace: WordPress turns blank lines into paragraphs). */
export function childRawText(element: WxrElement, name: string): string {
  return element.children.find(child => child.name === name)?.text ?? ''
}
