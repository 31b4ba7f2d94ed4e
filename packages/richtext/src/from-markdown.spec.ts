import { describe, expect, it } from 'vitest'
import { markdownToBlocks } from './from-markdown.js'
import { blocksToHtml } from './to-html.js'

describe('markdownToBlocks', () => {
  it('converts headings, paragraphs with marks and links, lists, quotes and code', () => {
    const blocks = markdownToBlocks([
      '## Why file early',
      '',
      'Text with **bold**, *italic*, ~~struck~~, `code` and a [link](https://www.wipo.int/).',
      '',
      '1. First',
      '2. Second',
      '   - Nested',
      '',
      '> A quote',
      '',
      '```ts',
      'const a = 1',
      '```',
    ].join('\n'))
    expect(blocks.map(block => block.type)).toEqual(['heading', 'paragraph', 'list', 'quote', 'code'])
    expect(blocksToHtml(blocks)).toBe([
      '<h2>Why file early</h2>',
      '<p>Text with <strong>bold</strong>, <em>italic</em>, <s>struck</s>, <code>code</code> and a <a href="https://www.wipo.int/" rel="noopener noreferrer">link</a>.</p>',
      '<ol><li>First</li><li>Second<ul><li>Nested</li></ul></li></ol>',
      '<blockquote><p>A quote</p></blockquote>',
      '<pre><code>const a = 1</code></pre>',
    ].join('\n'))
  })

  it('keeps raw HTML as literal text', () => {
    const html = blocksToHtml(markdownToBlocks('<script>alert(1)</script>\n\nInline <b>bold</b>'))
    expect(html).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n<p>Inline &lt;b&gt;bold&lt;/b&gt;</p>')
  })

  it('turns links with unsafe URLs into plain text', () => {
    expect(blocksToHtml(markdownToBlocks('[click](javascript:alert(1)) and [ok](https://example.com)')))
      .toBe('<p>click and <a href="https://example.com" rel="noopener noreferrer">ok</a></p>')
  })

  it('keeps Chinese text intact', () => {
    expect(blocksToHtml(markdownToBlocks('申请专利 (patent)'))).toBe('<p>申请专利 (patent)</p>')
  })
})
