import type { UnknownNode } from './blocks.js'
import { asBlocks, childrenOf } from './blocks.js'

function inlineText(node: UnknownNode): string {
  if (typeof node.text === 'string') return node.text
  return childrenOf(node).map(inlineText).join('')
}

function blockText(node: UnknownNode): string[] {
  if (node.type === 'image') return []
  if (node.type === 'list') return childrenOf(node).flatMap(blockText)
  const text = inlineText(node).trim()
  return text === '' ? [] : [text]
}

/** The readable text of a body, one line per block: for excerpts, reading time, search and feeds. */
export function blocksToPlainText(blocks: unknown): string {
  return asBlocks(blocks).flatMap(blockText).join('\n')
}

const WORDS_PER_MINUTE = 230
// CJK text has no spaces between words; readers get through roughly 400 characters a minute.
const CJK_CHARS_PER_MINUTE = 400
const CJK = /[\u3040-\u30FF\u3400-\u4DBF\u4E00-\u9FFF\uAC00-\uD7AF]/g

/** Minutes a typical reader needs for the body; at least 1 for any post. */
export function readingTimeMinutes(blocks: unknown): number {
  const text = blocksToPlainText(blocks)
  const cjkChars = text.match(CJK)?.length ?? 0
  const words = text.replace(CJK, ' ').split(/\s+/).filter(Boolean).length
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE + cjkChars / CJK_CHARS_PER_MINUTE))
}

/**
 * An excerpt of at most `maxLength` characters from the body, cut at a word boundary with an ellipsis.
 * Used when the editor left the excerpt empty.
 */
export function excerptFromBlocks(blocks: unknown, maxLength = 200): string {
  const text = blocksToPlainText(blocks).replace(/\s+/g, ' ').trim()
  if (text.length <= maxLength) return text
  const cut = text.slice(0, maxLength - 1)
  const lastSpace = cut.lastIndexOf(' ')
  const head = lastSpace > maxLength * 0.6 ? cut.slice(0, lastSpace) : cut
  return `${head.replace(/[\s,;:.!?-]+$/, '')}…`
}
