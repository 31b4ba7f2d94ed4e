import type { Element, Properties, Root } from 'hast'
import { Parser } from 'htmlparser2'

/**
 * Elements dropped with everything inside them: active content, and text that was never the post's
 * (scripts, styles, fallbacks for embeds and media).
 */
const DROPPED = new Set([
  'script', 'style', 'iframe', 'object', 'embed', 'noscript', 'template', 'svg', 'math',
  'applet', 'audio', 'video', 'canvas', 'frame', 'frameset', 'noembed', 'noframes', 'head', 'title',
])

/** The only attributes the converters read; every other one (`onerror`, `style`…) never enters the tree. */
const KEPT_ATTRIBUTES = new Set(['href', 'src', 'alt', 'width', 'height'])

function properties(attributes: Record<string, string>): Properties {
  const kept: Properties = {}
  for (const name in attributes) {
    const value = attributes[name]!
    if (KEPT_ATTRIBUTES.has(name)) kept[name] = value
    // Class names carry WordPress's attachment ID (wp-image-12) and a code block's language (language-ts).
    else if (name === 'class') kept.className = value.split(/[ \t\n\f\r]+/).filter(Boolean)
  }
  return kept
}

/**
 * An HTML fragment → hast, with htmlparser2: entities decoded, end tags implied as HTML does (`<p>a<p>b`,
 * `<li>`, a block closing an open `<p>`), raw-text elements (`<script>`, `<style>`, `<textarea>`…) read as
 * text. Only elements and text are kept: comments, doctypes, processing instructions and the elements in
 * DROPPED (with their content) never reach the tree, and elements keep only the attributes in
 * KEPT_ATTRIBUTES and their classes.
 */
export function parseHtml(html: string): Root {
  const root: Root = { type: 'root', children: [] }
  const open: Array<Root | Element> = [root]
  let parent: Root | Element = root
  const parser = new Parser({
    onopentag(tagName, attributes) {
      const element: Element = { type: 'element', tagName, properties: properties(attributes), children: [] }
      // A dropped element is still opened, so its content has somewhere to go, but is never attached.
      if (!DROPPED.has(tagName)) parent.children.push(element)
      open.push(element)
      parent = element
    },
    onclosetag() {
      // htmlparser2 reports a close for every open (void, implied and unclosed elements included).
      if (open.length > 1) open.pop()
      parent = open[open.length - 1]!
    },
    ontext(value) {
      // Text arrives in pieces (each entity is one): keep one text node per run, as hast does.
      const last = parent.children[parent.children.length - 1]
      if (last?.type === 'text') last.value += value
      else parent.children.push({ type: 'text', value })
    },
  }, { decodeEntities: true })
  parser.end(normalizeNewlines(html))
  return root
}

/** What HTML's input stream does first: CR LF and lone CR become LF. NUL goes too (PostgreSQL's JSON refuses it). */
function normalizeNewlines(html: string): string {
  let normalized = html
  if (normalized.includes('\r')) normalized = normalized.replaceAll('\r\n', '\n').replaceAll('\r', '\n')
  if (normalized.includes('\0')) normalized = normalized.replaceAll('\0', '')
  return normalized
}
