import type { UnknownNode } from './blocks.js'
import { asBlocks, childrenOf } from './blocks.js'
import { escapeHtml } from './escape.js'
import { safeUrl } from './safe-url.js'

/**
 * Strapi Blocks → HTML that is safe to insert with `v-html`/`innerHTML`: every text is escaped, only
 * known node types produce markup, attributes are fixed, and URLs must pass `safeUrl`.
 */
export function blocksToHtml(blocks: unknown): string {
  return asBlocks(blocks).map(renderBlock).filter(html => html !== '').join('\n')
}

const MARKS = [
  ['code', 'code'],
  ['bold', 'strong'],
  ['italic', 'em'],
  ['underline', 'u'],
  ['strikethrough', 's'],
] as const

function renderText(node: UnknownNode): string {
  let html = escapeHtml(typeof node.text === 'string' ? node.text : '').replace(/\n/g, '<br>')
  for (const [mark, tag] of MARKS) {
    if (node[mark] === true) html = `<${tag}>${html}</${tag}>`
  }
  return html
}

function renderInline(nodes: UnknownNode[]): string {
  return nodes.map((node) => {
    if (node.type === 'text') return renderText(node)
    if (node.type === 'link') {
      const inner = renderInline(childrenOf(node))
      const href = safeUrl(node.url)
      if (href === null) return inner
      const external = /^https?:\/\//i.test(href)
      const rel = external ? ' rel="noopener noreferrer"' : ''
      return `<a href="${escapeHtml(href)}"${rel}>${inner}</a>`
    }
    return ''
  }).join('')
}

function renderList(node: UnknownNode): string {
  const tag = node.format === 'ordered' ? 'ol' : 'ul'
  // Blocks store a nested list as a sibling of the item it belongs to; HTML wants it inside that item.
  const items: string[] = []
  for (const child of childrenOf(node)) {
    if (child.type === 'list' && items.length > 0) items[items.length - 1] += renderList(child)
    else if (child.type === 'list') items.push(renderList(child))
    else items.push(renderInline(childrenOf(child)))
  }
  return `<${tag}>${items.map(item => `<li>${item}</li>`).join('')}</${tag}>`
}

function headingLevel(value: unknown): number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 6 ? value : 2
}

function renderImage(node: UnknownNode): string {
  const image = typeof node.image === 'object' && node.image !== null ? node.image as UnknownNode : {}
  const src = safeUrl(image.url)
  if (src === null) return ''
  const alt = typeof image.alternativeText === 'string' ? image.alternativeText : ''
  const size = ['width', 'height']
    .filter(key => typeof image[key] === 'number' && Number.isFinite(image[key]))
    .map(key => ` ${key}="${Math.round(image[key] as number)}"`)
    .join('')
  return `<figure><img src="${escapeHtml(src)}" alt="${escapeHtml(alt)}"${size} loading="lazy" decoding="async"></figure>`
}

function renderBlock(node: UnknownNode): string {
  switch (node.type) {
    case 'paragraph':
      return `<p>${renderInline(childrenOf(node))}</p>`
    case 'heading': {
      const level = headingLevel(node.level)
      return `<h${level}>${renderInline(childrenOf(node))}</h${level}>`
    }
    case 'quote':
      return `<blockquote><p>${renderInline(childrenOf(node))}</p></blockquote>`
    case 'code': {
      const text = childrenOf(node).map(child => (typeof child.text === 'string' ? child.text : '')).join('')
      return `<pre><code>${escapeHtml(text)}</code></pre>`
    }
    case 'list':
      return renderList(node)
    case 'image':
      return renderImage(node)
    default:
      return ''
  }
}
