import { describe, expect, it } from 'vitest'
import { blocksToPlainText, excerptFromBlocks, readingTimeMinutes } from './to-text.js'

const paragraph = (value: string) => ({ type: 'paragraph', children: [{ type: 'text', text: value }] })

describe('plain text, excerpts and reading time', () => {
  it('extracts the readable text one block per line, skipping images', () => {
    const blocks = [
      { type: 'heading', level: 2, children: [{ type: 'text', text: 'Title' }] },
      { type: 'paragraph', children: [{ type: 'text', text: 'See ' }, { type: 'link', url: 'https://x', children: [{ type: 'text', text: 'this' }] }] },
      { type: 'image', image: { url: '/a.png' } },
      { type: 'list', format: 'unordered', children: [{ type: 'list-item', children: [{ type: 'text', text: 'one' }] }] },
    ]
    expect(blocksToPlainText(blocks)).toBe('Title\nSee this\none')
  })

  it('cuts an excerpt at a word boundary with an ellipsis', () => {
    const excerpt = excerptFromBlocks([paragraph('word '.repeat(100))], 50)
    expect(excerpt.length).toBeLessThanOrEqual(50)
    expect(excerpt).toMatch(/^word( word)*…$/)
    expect(excerptFromBlocks([paragraph('Short body.')])).toBe('Short body.')
  })

  it('estimates reading time at about 230 words a minute, at least one minute', () => {
    expect(readingTimeMinutes([paragraph('word '.repeat(1150))])).toBe(5)
    expect(readingTimeMinutes([])).toBe(1)
  })

  it('counts Chinese characters, which have no spaces between words', () => {
    expect(readingTimeMinutes([paragraph('专'.repeat(2000))])).toBe(5)
  })
})
