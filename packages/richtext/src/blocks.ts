/**
 * The Strapi Blocks format (what the editor's WYSIWYG "Rich text (Blocks)" field stores).
 * Stored JSON is untrusted input: the renderers narrow it node by node and skip what they do not know.
 */

export interface TextNode {
  type: 'text'
  text: string
  bold?: boolean
  italic?: boolean
  underline?: boolean
  strikethrough?: boolean
  code?: boolean
}

export interface LinkNode {
  type: 'link'
  url: string
  children: TextNode[]
}

export type InlineNode = TextNode | LinkNode

export interface ParagraphBlock { type: 'paragraph', children: InlineNode[] }
export interface HeadingBlock { type: 'heading', level: 1 | 2 | 3 | 4 | 5 | 6, children: InlineNode[] }
export interface QuoteBlock { type: 'quote', children: InlineNode[] }
export interface CodeBlock { type: 'code', language?: string, children: InlineNode[] }
export interface ListItemBlock { type: 'list-item', children: InlineNode[] }
export interface ListBlock {
  type: 'list'
  format: 'ordered' | 'unordered'
  children: Array<ListItemBlock | ListBlock>
}
export interface ImageBlock {
  type: 'image'
  image: { url: string, alternativeText?: string | null, width?: number | null, height?: number | null }
  children: InlineNode[]
}

export type Block = ParagraphBlock | HeadingBlock | QuoteBlock | CodeBlock | ListBlock | ImageBlock

export type Blocks = Block[]

export type UnknownNode = Record<string, unknown>

export function isNode(value: unknown): value is UnknownNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** The children of a node as an array of nodes, whatever was stored. */
export function childrenOf(node: UnknownNode): UnknownNode[] {
  return Array.isArray(node.children) ? node.children.filter(isNode) : []
}

export function asBlocks(value: unknown): UnknownNode[] {
  return Array.isArray(value) ? value.filter(isNode) : []
}
