import type { Nodes, Parent, PhrasingContent, RootContent } from 'mdast'
import { fromMarkdown } from 'mdast-util-from-markdown'
import { gfmFromMarkdown } from 'mdast-util-gfm'
import { gfm } from 'micromark-extension-gfm'
import type { Block, InlineNode, ListBlock, ListItemBlock, TextNode } from './blocks.js'
import { safeUrl } from './safe-url.js'

type Marks = Pick<TextNode, 'bold' | 'italic' | 'strikethrough' | 'code'>

/**
 * Markdown (CommonMark + GFM) → Strapi Blocks, for importing posts written elsewhere.
 * Raw HTML in the Markdown is kept as literal text, never as markup.
 */
export function markdownToBlocks(markdown: string): Block[] {
  const tree = fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] })
  return tree.children.flatMap(toBlocks)
}

function text(value: string, marks: Marks = {}): TextNode {
  return { type: 'text', text: value, ...marks }
}

/** Blocks need at least one child; Strapi's editor stores an empty text node for an empty block. */
function nonEmpty(children: InlineNode[]): InlineNode[] {
  return children.length > 0 ? children : [text('')]
}

function inline(nodes: PhrasingContent[], marks: Marks = {}): InlineNode[] {
  return nodes.flatMap((node): InlineNode[] => {
    switch (node.type) {
      case 'text':
        return [text(node.value, marks)]
      case 'strong':
        return inline(node.children, { ...marks, bold: true })
      case 'emphasis':
        return inline(node.children, { ...marks, italic: true })
      case 'delete':
        return inline(node.children, { ...marks, strikethrough: true })
      case 'inlineCode':
        return [text(node.value, { ...marks, code: true })]
      case 'break':
        return [text('\n', marks)]
      case 'html':
        return [text(node.value, marks)]
      case 'link': {
        const children = inline(node.children, marks).filter((child): child is TextNode => child.type === 'text')
        // A link to javascript:, data: and the like keeps its text and loses the link.
        if (safeUrl(node.url) === null) return children
        return [{ type: 'link', url: node.url, children: children.length > 0 ? children : [text(node.url)] }]
      }
      case 'image':
        return node.alt ? [text(node.alt, marks)] : []
      default:
        return 'children' in node ? inline((node as Parent).children as PhrasingContent[], marks) : []
    }
  })
}

function plainText(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string') return node.value
  return 'children' in node ? (node.children as Nodes[]).map(plainText).join('') : ''
}

function listItems(node: Extract<RootContent, { type: 'list' }>): ListBlock {
  const children: Array<ListItemBlock | ListBlock> = []
  for (const item of node.children) {
    const phrasing: InlineNode[] = []
    const nested: ListBlock[] = []
    for (const child of item.children) {
      if (child.type === 'list') nested.push(listItems(child))
      else if (child.type === 'paragraph') {
        if (phrasing.length > 0) phrasing.push(text('\n'))
        phrasing.push(...inline(child.children))
      }
      else phrasing.push(text(plainText(child)))
    }
    children.push({ type: 'list-item', children: nonEmpty(phrasing) }, ...nested)
  }
  return { type: 'list', format: node.ordered ? 'ordered' : 'unordered', children }
}

function toBlocks(node: RootContent): Block[] {
  switch (node.type) {
    case 'paragraph':
      return [{ type: 'paragraph', children: nonEmpty(inline(node.children)) }]
    case 'heading':
      return [{ type: 'heading', level: node.depth, children: nonEmpty(inline(node.children)) }]
    case 'list':
      return [listItems(node)]
    case 'blockquote': {
      const children = node.children.flatMap((child, index) => {
        const parts = child.type === 'paragraph' ? inline(child.children) : [text(plainText(child))]
        return index === 0 ? parts : [text('\n'), ...parts]
      })
      return [{ type: 'quote', children: nonEmpty(children) }]
    }
    case 'code':
      return [{ type: 'code', ...(node.lang ? { language: node.lang } : {}), children: [text(node.value)] }]
    case 'html':
      return [{ type: 'paragraph', children: [text(node.value)] }]
    case 'table':
      return node.children.map(row => ({
        type: 'paragraph',
        children: [text(row.children.map(cell => plainText(cell)).join(' | '))],
      }))
    default:
      return []
  }
}
