import type { Element, ElementContent, Root, RootContent, Text } from 'hast'
import type { Block, HeadingBlock, ImageBlock, InlineNode, ListBlock, ListItemBlock, TextNode } from './blocks.js'
import { parseHtml } from './parse-html.js'
import { safeUrl } from './safe-url.js'

/** What `resolveImage` is told about an `<img>` besides its src and alt. */
export interface ImageDetails {
  width: number | null
  height: number | null
  /** The WordPress attachment the image shows, from the `wp-image-123` class WordPress's editors add. */
  attachmentId: number | null
}

export interface HtmlToBlocksOptions {
  /**
   * The image an `<img>` becomes, or null to drop it. `src` is the attribute as written (trimmed, not
   * checked: the resolver decides), `alt` its alt text or, when it has none, its figure's caption. What it
   * returns is stored as is: for Strapi to accept the body, a Media Library file (url, name, hash, mime…).
   * Default: the src itself when it is an http(s), root- or protocol-relative URL, with the alt, width and
   * height: enough to render, not enough for Strapi's validation.
   */
  resolveImage?: (src: string, alt: string, details: ImageDetails) => ImageBlock['image'] | null
}

/**
 * A WordPress post body (`content:encoded` in a WXR export) or any HTML fragment → Strapi Blocks.
 * Classic-editor bodies have no `<p>`: as WordPress's wpautop does on display, a blank line ends a
 * paragraph and a single newline is a line break. Gutenberg bodies (with `<!-- wp:… -->` comments) are
 * read as a browser would, blank lines outside any block element still ending paragraphs. `[caption]`
 * shortcodes become images; other shortcodes stay as text. An image splits the paragraph it is in, and
 * follows the heading, list, quote or table row it was in (Blocks hold images only at the top level).
 * Only text, a few marks, safe links and images survive: no markup or attribute is ever carried over.
 */
export function htmlToBlocks(html: string, options: HtmlToBlocksOptions = {}): Block[] {
  const tree = parseHtml(html)
  if (html.includes('[caption') || html.includes('[wp_caption')) expandCaptions(tree)
  const context: Context = {
    // WordPress's own test (has_blocks): block comments mean the block editor wrote the body.
    classic: !html.includes('<!-- wp:'),
    resolveImage: options.resolveImage ?? defaultImage,
  }
  const items: Item[] = []
  collect(tree.children, { context, marks: 0, link: null, autop: true, flow: true, alt: '' }, items)
  return paragraphs(items)
}

interface Context {
  classic: boolean
  resolveImage: NonNullable<HtmlToBlocksOptions['resolveImage']>
}

/** An `<a>` with a usable URL; compared by identity, so two adjacent links to one URL stay two. */
interface Link { url: string }

interface State {
  context: Context
  marks: number
  link: Link | null
  /** Newlines in text are wpautop's: a blank line ends a paragraph, a single newline is a line break. */
  autop: boolean
  /** Block elements become blocks of their own here; elsewhere (in a heading, item, quote) they become lines. */
  flow: boolean
  /** Alt text for the image of a captioned figure whose `<img>` has none. */
  alt: string
}

/**
 * Inline content as a flat stream, whitespace settled once a paragraph is complete. A run's text has its
 * spaces collapsed, except in a `<pre>`; a `<br>` is a run of "\n", the only way a newline gets into one.
 */
interface Run { kind: 'text', text: string, marks: number, link: Link | null, pre: boolean }
interface Hoisted { kind: 'blocks', blocks: Block[] }
type Item = Run | Hoisted | typeof LINE_BREAK | typeof PARAGRAPH_END

/** A newline (wpautop's single newline) that shows only between two texts, and not right after a `<br>`. */
const LINE_BREAK = { kind: 'line-break' } as const
/**
 * A paragraph ends here (a blank line, a block element's edge, `<hr>`). Where none can end (in a heading,
 * list item, quote or cell) it is a LINE_BREAK.
 */
const PARAGRAPH_END = { kind: 'paragraph-end' } as const

const BOLD = 1
const ITALIC = 2
const UNDERLINE = 4
const STRIKETHROUGH = 8
const CODE = 16

// Maps, not object literals: a tag named "constructor" must not find Object's.
const MARK_TAGS = new Map([
  ['b', BOLD], ['strong', BOLD],
  ['i', ITALIC], ['em', ITALIC],
  ['u', UNDERLINE], ['ins', UNDERLINE],
  ['s', STRIKETHROUGH], ['del', STRIKETHROUGH], ['strike', STRIKETHROUGH],
  ['code', CODE], ['kbd', CODE], ['samp', CODE], ['tt', CODE],
])

/** Elements whose edges end a paragraph; unknown elements are inline and give their text. */
const BLOCK_ELEMENTS = new Set([
  'address', 'article', 'aside', 'blockquote', 'caption', 'center', 'dd', 'details', 'dialog', 'dir', 'div',
  'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'header', 'hgroup', 'legend', 'li', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table',
  'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
])

const HEADING_LEVELS = new Map<string, HeadingBlock['level']>([['h1', 1], ['h2', 2], ['h3', 3], ['h4', 4], ['h5', 5], ['h6', 6]])

const WHITESPACE = /[ \t\n\f\r]+/g
const UNCOLLAPSED = /[\t\n\f\r]| {2}/
/** A run of whitespace with a newline in it. */
const NEWLINE_SPACE = /[ \t\f\r]*\n[ \t\n\f\r]*/g

function run(text: string, state: State, pre = false): Run {
  return { kind: 'text', text, marks: state.marks, link: state.link, pre }
}

function collect(nodes: Array<RootContent | ElementContent>, state: State, out: Item[]): void {
  for (const node of nodes) {
    if (node.type === 'text') pushText(node.value, state, out)
    else if (node.type === 'element') element(node, state, out)
  }
}

function pushText(value: string, state: State, out: Item[]): void {
  if (!state.autop || !value.includes('\n')) {
    out.push(run(collapse(value), state))
    return
  }
  let from = 0
  for (const match of value.matchAll(NEWLINE_SPACE)) {
    out.push(run(collapse(value.slice(from, match.index)), state))
    out.push(match[0].indexOf('\n') === match[0].lastIndexOf('\n') ? LINE_BREAK : PARAGRAPH_END)
    from = match.index + match[0].length
  }
  out.push(run(collapse(value.slice(from)), state))
}

/** Whitespace runs → one space, as a browser shows them (most text needs nothing: checking is cheaper). */
function collapse(value: string): string {
  return UNCOLLAPSED.test(value) ? value.replace(WHITESPACE, ' ') : value
}

function element(node: Element, state: State, out: Item[]): void {
  const tag = node.tagName
  const mark = MARK_TAGS.get(tag)
  if (mark !== undefined) return collect(node.children, { ...state, marks: state.marks | mark }, out)
  switch (tag) {
    case 'br':
      out.push(run('\n', state))
      return
    case 'a':
      return collect(node.children, { ...state, link: linkOf(node) }, out)
    case 'img': {
      const image = imageBlock(node, state)
      if (image !== null) out.push({ kind: 'blocks', blocks: [image] })
      return
    }
    case 'hr':
      out.push(PARAGRAPH_END)
      return
    case 'figure':
      return figure(node, state, out)
  }
  if (!BLOCK_ELEMENTS.has(tag)) return collect(node.children, state, out)

  // Inside a block element, newlines are wpautop's only in classic-editor bodies.
  const inner: State = { ...state, autop: state.context.classic }
  if (!state.flow) {
    // In a heading, list item, quote or cell, a block element is a line of its own.
    out.push(PARAGRAPH_END)
    if (tag === 'pre') out.push(run(preText(node), { ...inner, marks: inner.marks | CODE }, true))
    else if (tag === 'table') for (const row of tableRows(node)) out.push(...rowItems(row, inner), PARAGRAPH_END)
    else collect(node.children, inner, out)
    out.push(PARAGRAPH_END)
    return
  }
  const blocks = blockElement(node, inner)
  if (blocks === null) {
    out.push(PARAGRAPH_END)
    collect(node.children, inner, out)
    out.push(PARAGRAPH_END)
  }
  else out.push({ kind: 'blocks', blocks })
}

/** The blocks for an element that makes its own kind of block, or null for a plain container (p, div…). */
function blockElement(node: Element, state: State): Block[] | null {
  const level = HEADING_LEVELS.get(node.tagName)
  if (level !== undefined) {
    const { children, after } = linesOf(node.children, state)
    return children.length > 0 ? [{ type: 'heading', level, children }, ...after] : after
  }
  switch (node.tagName) {
    case 'blockquote': {
      const { children, after } = linesOf(node.children, state)
      return children.length > 0 ? [{ type: 'quote', children }, ...after] : after
    }
    case 'pre': {
      const code = preText(node)
      if (code.trim() === '') return []
      const language = codeLanguage(node)
      return [{ type: 'code', ...(language ? { language } : {}), children: [text(code)] }]
    }
    case 'ul':
    case 'ol': {
      const { list, after } = listBlock(node, state)
      return list.children.length > 0 ? [list, ...after] : after
    }
    case 'table':
      return tableRows(node).flatMap((row) => {
        const { children, after } = lines(rowItems(row, state))
        return children.length > 0 ? [{ type: 'paragraph' as const, children }, ...after] : after
      })
    default:
      return null
  }
}

/**
 * A figure (Gutenberg's image block, or a `[caption]`): its images, with the caption as the alt text of a
 * lone image that has none; a caption not used that way stays as text after them.
 */
function figure(node: Element, state: State, out: Item[]): void {
  const captions = node.children.filter(child => child.type === 'element' && child.tagName === 'figcaption')
  const content = node.children.filter(child => !captions.includes(child))
  const images = content.flatMap(imagesIn)
  const caption = collapse(captions.map(textContent).join(' ')).trim()
  const captionIsAlt = images.length === 1 && caption !== '' && altOf(images[0]!) === ''
  const inner: State = { ...state, autop: state.context.classic, alt: captionIsAlt ? caption : '' }
  out.push(PARAGRAPH_END)
  collect(content, inner, out)
  out.push(PARAGRAPH_END)
  if (!captionIsAlt) collect(captions, inner, out)
  out.push(PARAGRAPH_END)
}

/** Paragraphs from a flow of items: each paragraph end, and each block met inline, closes one. */
function paragraphs(items: Item[]): Block[] {
  const blocks: Block[] = []
  let start = 0
  const close = (end: number) => {
    const children = inlineNodes(items.slice(start, end))
    if (children.length > 0) blocks.push({ type: 'paragraph', children })
    start = end + 1
  }
  items.forEach((item, index) => {
    if (item === PARAGRAPH_END) close(index)
    else if (item.kind === 'blocks') {
      close(index)
      blocks.push(...item.blocks)
    }
  })
  close(items.length)
  return blocks
}

/**
 * The content of a block that holds only inline nodes (heading, list item, quote, table row): paragraphs
 * become lines, and the blocks met on the way (images) are returned to go after it.
 */
function lines(items: Item[]): { children: InlineNode[], after: Block[] } {
  const after = items.flatMap(item => (item.kind === 'blocks' ? item.blocks : []))
  return { children: inlineNodes(items), after }
}

function linesOf(nodes: ElementContent[], state: State): { children: InlineNode[], after: Block[] } {
  const items: Item[] = []
  collect(nodes, { ...state, flow: false }, items)
  return lines(items)
}

/**
 * Text runs laid out as a browser does, then grouped into Blocks inline nodes: spaces collapse across
 * elements, none are left at the edges or around a line break, and adjacent runs with the same marks and
 * link merge. Empty (or whitespace-only) content gives no nodes.
 */
function inlineNodes(items: Item[]): InlineNode[] {
  const runs: Run[] = []
  // How the laid-out text ends so far.
  let end: 'nothing' | 'space' | 'newline' | 'text' = 'nothing'
  let pendingNewline = false
  for (const item of items) {
    if (item === LINE_BREAK || item === PARAGRAPH_END) {
      if (end === 'space' || end === 'text') pendingNewline = true
      continue
    }
    if (item.kind !== 'text') continue
    if (item.text === '\n' && !item.pre) {
      // A <br>: kept, except at the start; it absorbs a pending newline (wpautop adds none after a <br>).
      if (end === 'nothing') continue
      if (end === 'space') dropTrailingSpace(runs)
      runs.push(item)
      end = 'newline'
      pendingNewline = false
      continue
    }
    let value = item.text
    if (item.pre) {
      // Code keeps its spaces, but not blank lines at the start of the block.
      let start = 0
      while (end === 'nothing' && value[start] === '\n') start++
      value = value.slice(start)
    }
    else if ((end !== 'text' || pendingNewline) && value.startsWith(' ')) value = value.slice(1)
    if (value === '') continue
    if (pendingNewline) {
      if (end === 'space') dropTrailingSpace(runs)
      // The newline has the marks both sides share, and is in a link only if it is between two pieces of it.
      const before = runs[runs.length - 1]
      const link = before?.link === item.link ? item.link : null
      runs.push({ kind: 'text', text: '\n', marks: (before?.marks ?? 0) & item.marks, link, pre: false })
      pendingNewline = false
    }
    runs.push(value === item.text ? item : { ...item, text: value })
    end = !item.pre && value.endsWith(' ') ? 'space' : 'text'
  }
  trimEnd(runs)
  if (runs.every(item => item.text.trim() === '')) return []
  return group(runs)
}

function dropTrailingSpace(runs: Run[]): void {
  const last = runs[runs.length - 1]!
  if (last.text === ' ') runs.pop()
  else runs[runs.length - 1] = { ...last, text: last.text.slice(0, -1) }
}

function trimEnd(runs: Run[]): void {
  while (runs.length > 0) {
    const last = runs[runs.length - 1]!
    let cut = last.text.length
    while (cut > 0 && (last.text[cut - 1] === ' ' || last.text[cut - 1] === '\n')) cut--
    if (cut > 0) {
      if (cut < last.text.length) runs[runs.length - 1] = { ...last, text: last.text.slice(0, cut) }
      return
    }
    runs.pop()
  }
}

function group(runs: Run[]): InlineNode[] {
  const nodes: InlineNode[] = []
  let link: Link | null = null
  for (const item of runs) {
    const last = nodes[nodes.length - 1]
    if (item.link === null) appendText(nodes, item)
    else if (last?.type === 'link' && link === item.link) appendText(last.children, item)
    else {
      nodes.push({ type: 'link', url: item.link.url, children: [text(item.text, item.marks)] })
      link = item.link
    }
  }
  return nodes
}

function appendText(nodes: InlineNode[], item: Run): void {
  const last = nodes[nodes.length - 1]
  const node = text(item.text, item.marks)
  if (last?.type === 'text' && sameMarks(last, node)) last.text += node.text
  else nodes.push(node)
}

const MARK_NAMES = ['bold', 'italic', 'underline', 'strikethrough', 'code'] as const

function text(value: string, marks = 0): TextNode {
  const node: TextNode = { type: 'text', text: value }
  MARK_NAMES.forEach((name, bit) => {
    if (marks & (1 << bit)) node[name] = true
  })
  return node
}

function sameMarks(a: TextNode, b: TextNode): boolean {
  return MARK_NAMES.every(name => a[name] === b[name])
}

/** Blocks need at least one child; Strapi's editor stores an empty text node for an empty block. */
function nonEmpty(children: InlineNode[]): InlineNode[] {
  return children.length > 0 ? children : [text('')]
}

const LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:', 'tel:'])

/**
 * The link of an `<a>`, or null to keep only its text: for a URL that is unsafe (`safeUrl`), and for one
 * Strapi would reject, that is one neither absolute with a protocol it allows nor root-relative
 * ("#note-1", "page.html": they meant something only on the old site).
 */
function linkOf(node: Element): Link | null {
  const url = safeUrl(node.properties.href)
  if (url === null) return null
  if (url.startsWith('/')) return { url }
  try {
    return LINK_PROTOCOLS.has(new URL(url).protocol) ? { url } : null
  }
  catch {
    return null
  }
}

function listBlock(node: Element, state: State): { list: ListBlock, after: Block[] } {
  const children: Array<ListItemBlock | ListBlock> = []
  const after: Block[] = []
  const addList = (child: Element) => {
    const nested = listBlock(child, state)
    if (nested.list.children.length > 0) children.push(nested.list)
    after.push(...nested.after)
  }
  const addItem = (content: ElementContent[], beforeList: boolean) => {
    const item = linesOf(content, state)
    after.push(...item.after)
    // An empty item stays only to hold the nested list that follows it.
    if (item.children.length > 0 || beforeList) children.push({ type: 'list-item', children: nonEmpty(item.children) })
  }
  let stray: ElementContent[] = []
  for (const child of node.children) {
    if (child.type === 'element' && (child.tagName === 'ul' || child.tagName === 'ol')) {
      addItem(stray, false)
      stray = []
      addList(child)
    }
    else if (child.type === 'element' && child.tagName === 'li') {
      addItem(stray, false)
      stray = []
      // An item's nested lists are the list's own children, after the item (how Blocks nest lists).
      let content: ElementContent[] = []
      let first = true
      for (const part of child.children) {
        if (part.type === 'element' && (part.tagName === 'ul' || part.tagName === 'ol')) {
          addItem(content, first)
          content = []
          first = false
          addList(part)
        }
        else content.push(part)
      }
      addItem(content, false)
    }
    else stray.push(child)
  }
  addItem(stray, false)
  return { list: { type: 'list', format: node.tagName === 'ol' ? 'ordered' : 'unordered', children }, after }
}

/** A table's rows, its caption first, not those of tables nested in its cells. */
function tableRows(table: Element): Element[] {
  const rows: Element[] = []
  const visit = (parent: Element) => {
    for (const child of parent.children) {
      if (child.type !== 'element') continue
      if (child.tagName === 'tr' || child.tagName === 'caption') rows.push(child)
      else if (child.tagName === 'thead' || child.tagName === 'tbody' || child.tagName === 'tfoot') visit(child)
    }
  }
  visit(table)
  return rows
}

/** A row's cells on one line, separated by " | "; a caption is a row of one cell. */
function rowItems(row: Element, state: State): Item[] {
  const inner: State = { ...state, flow: false }
  const cells = row.tagName === 'caption'
    ? [row]
    : row.children.filter((child): child is Element => child.type === 'element' && (child.tagName === 'td' || child.tagName === 'th'))
  const contents = cells.map((cell) => {
    const content: Item[] = []
    collect(cell.children, inner, content)
    // A cell's paragraphs are lines (nothing in a cell may end the row's paragraph), none at its edges.
    const first = content.findIndex(isContent)
    const last = content.findLastIndex(isContent)
    return first === -1 ? [] : content.slice(first, last + 1).map(item => (item === PARAGRAPH_END ? LINE_BREAK : item))
  })
  // A row without text (a spacer, or only images) would be a paragraph of bare separators.
  if (contents.every(content => inlineNodes(content).length === 0)) return contents.flat()
  const separator = run(' | ', { ...inner, marks: 0, link: null })
  return contents.flatMap((content, index) => (index > 0 ? [separator, ...content] : content))
}

/** Whether an item shows something: not a break, nor only spaces. */
function isContent(item: Item): boolean {
  if (item === LINE_BREAK || item === PARAGRAPH_END) return false
  return item.kind !== 'text' || item.pre || item.text.trim() !== ''
}

/** The text of a `<pre>`, exactly (its `<br>`s as newlines), less the newline HTML ignores after `<pre>`. */
function preText(node: Element): string {
  const code = textContent(node)
  return code.startsWith('\n') ? code.slice(1) : code
}

function textContent(node: ElementContent): string {
  if (node.type === 'text') return node.value
  if (node.type !== 'element') return ''
  if (node.tagName === 'br') return '\n'
  return node.children.map(textContent).join('')
}

/** `language-ts` / `lang-ts` on the `<pre>` or its `<code>` (the conventions of Prism, highlight.js and Markdown). */
function codeLanguage(pre: Element): string | undefined {
  const code = pre.children.find((child): child is Element => child.type === 'element' && child.tagName === 'code')
  for (const element of code ? [pre, code] : [pre]) {
    for (const name of classNames(element)) {
      if (name.startsWith('language-') && name.length > 9) return name.slice(9)
      if (name.startsWith('lang-') && name.length > 5) return name.slice(5)
    }
  }
  return undefined
}

function classNames(node: Element): string[] {
  const names = node.properties.className
  return Array.isArray(names) ? names.map(String) : []
}

function imagesIn(node: ElementContent): Element[] {
  if (node.type !== 'element') return []
  if (node.tagName === 'img') return [node]
  return node.children.flatMap(imagesIn)
}

function altOf(node: Element): string {
  const alt = node.properties.alt
  return typeof alt === 'string' ? collapse(alt).trim() : ''
}

function dimension(value: unknown): number | null {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN
  return Number.isFinite(number) && number > 0 ? Math.round(number) : null
}

function attachmentId(node: Element): number | null {
  for (const name of classNames(node)) {
    if (!name.startsWith('wp-image-')) continue
    const id = Number(name.slice(9))
    if (Number.isSafeInteger(id) && id > 0) return id
  }
  return null
}

function imageBlock(node: Element, state: State): ImageBlock | null {
  const src = typeof node.properties.src === 'string' ? node.properties.src.trim() : ''
  if (src === '') return null
  const details: ImageDetails = {
    width: dimension(node.properties.width),
    height: dimension(node.properties.height),
    attachmentId: attachmentId(node),
  }
  const image = state.context.resolveImage(src, altOf(node) || state.alt, details)
  return image === null ? null : { type: 'image', image, children: [text('')] }
}

/** Without a resolver, an image keeps its src when it can be shown from anywhere: http(s), root- or protocol-relative. */
function defaultImage(src: string, alt: string, details: ImageDetails): ImageBlock['image'] | null {
  const url = safeUrl(src)
  if (url === null) return null
  if (!url.startsWith('/')) {
    try {
      const protocol = new URL(url).protocol
      if (protocol !== 'http:' && protocol !== 'https:') return null
    }
    catch {
      return null
    }
  }
  return { url, alternativeText: alt, width: details.width, height: details.height }
}

/**
 * `[caption …]<img …> Caption text[/caption]` → `<figure><img …><figcaption>Caption text</figcaption></figure>`,
 * in place, wherever the shortcode opens and closes among the children of one element. The older form
 * with the text in a `caption="…"` attribute works too. A shortcode that is never closed stays as text.
 */
function expandCaptions(parent: Root | Element): void {
  // parseHtml builds nothing but elements and text.
  const old = parent.children as Array<Element | Text>
  const children: Array<Element | Text> = []
  for (let index = 0; index < old.length; index++) {
    const child = old[index]!
    // A shortcode in a code sample is the sample's text.
    if (child.type === 'element' && !CODE_ELEMENTS.has(child.tagName)) expandCaptions(child)
    if (child.type !== 'text') {
      children.push(child)
      continue
    }
    let value = child.value
    for (let open = captionOpening(value); open !== null; open = captionOpening(value)) {
      const { start, end, closing } = open
      let content: Array<Element | Text>
      let after: string
      const close = value.indexOf(closing, end)
      if (close !== -1) {
        content = [textNode(value.slice(end, close))]
        after = value.slice(close + closing.length)
      }
      else {
        // The <img> (often in an <a>) comes in the next siblings, up to a text with the closing tag.
        const last = old.findIndex((node, at) => at > index && node.type === 'text' && node.value.includes(closing))
        if (last === -1) break
        const closingText = (old[last] as Text).value
        const closeAt = closingText.indexOf(closing)
        content = [textNode(value.slice(end)), ...old.slice(index + 1, last), textNode(closingText.slice(0, closeAt))]
        content.forEach(node => node.type === 'element' && !CODE_ELEMENTS.has(node.tagName) && expandCaptions(node))
        after = closingText.slice(closeAt + closing.length)
        index = last
      }
      children.push(textNode(value.slice(0, start)), captionFigure(value.slice(start, end), content))
      value = after
    }
    children.push(textNode(value))
  }
  parent.children = children.filter(node => node.type !== 'text' || node.value !== '')
}

const CODE_ELEMENTS = new Set(['pre', 'code'])
const CAPTION_TAGS = ['caption', 'wp_caption']
const AFTER_SHORTCODE_NAME = new Set([' ', ']', '\t', '\n'])

/** The first `[caption …]` (or WordPress's older `[wp_caption …]`) opening tag in a text. */
function captionOpening(value: string): { start: number, end: number, closing: string } | null {
  let found: { start: number, end: number, closing: string } | null = null
  for (const tag of CAPTION_TAGS) {
    const start = shortcodeStart(value, tag)
    const end = start === -1 ? -1 : value.indexOf(']', start)
    if (end !== -1 && (found === null || start < found.start)) found = { start, end: end + 1, closing: `[/${tag}]` }
  }
  return found
}

/** Where `[name` opens a shortcode: "[captions]" is not the caption shortcode. */
function shortcodeStart(value: string, name: string): number {
  for (let start = value.indexOf(`[${name}`); start !== -1; start = value.indexOf(`[${name}`, start + 1)) {
    if (AFTER_SHORTCODE_NAME.has(value[start + name.length + 1] ?? '')) return start
  }
  return -1
}

function captionFigure(shortcode: string, content: Array<Element | Text>): Element {
  const media = content.filter(node => imagesIn(node).length > 0)
  let caption = content.filter(node => !media.includes(node))
  if (caption.map(textContent).join('').trim() === '') caption = [textNode(captionAttribute(shortcode))]
  return {
    type: 'element', tagName: 'figure', properties: {},
    children: [...media, { type: 'element', tagName: 'figcaption', properties: {}, children: caption }],
  }
}

/** The `caption="…"` of a shortcode's opening tag, as older WordPress versions wrote it. */
function captionAttribute(shortcode: string): string {
  for (const quote of ['"', "'"]) {
    const key = ` caption=${quote}`
    const start = shortcode.indexOf(key)
    const end = start === -1 ? -1 : shortcode.indexOf(quote, start + key.length)
    if (end !== -1) return shortcode.slice(start + key.length, end)
  }
  return ''
}

function textNode(value: string): Text {
  return { type: 'text', value }
}
