import { describe, expect, it } from 'vitest'
import { blocksToHtml } from './to-html.js'

const text = (value: string, marks: Record<string, boolean> = {}) => ({ type: 'text', text: value, ...marks })

describe('blocksToHtml', () => {
  it('renders the block types the editor offers', () => {
    const html = blocksToHtml([
      { type: 'heading', level: 2, children: [text('Filing')] },
      { type: 'paragraph', children: [text('Plain, '), text('bold', { bold: true }), text(' and '), text('both', { bold: true, italic: true })] },
      { type: 'list', format: 'ordered', children: [{ type: 'list-item', children: [text('one')] }, { type: 'list', format: 'unordered', children: [{ type: 'list-item', children: [text('nested')] }] }] },
      { type: 'quote', children: [text('Quoted')] },
      { type: 'code', children: [text('a < b')] },
      { type: 'image', image: { url: 'https://cdn.example.com/a.jpg', alternativeText: 'A diagram', width: 800, height: 600 }, children: [text('')] },
    ])
    expect(html).toBe([
      '<h2>Filing</h2>',
      '<p>Plain, <strong>bold</strong> and <em><strong>both</strong></em></p>',
      '<ol><li>one<ul><li>nested</li></ul></li></ol>',
      '<blockquote><p>Quoted</p></blockquote>',
      '<pre><code>a &lt; b</code></pre>',
      '<figure><img src="https://cdn.example.com/a.jpg" alt="A diagram" width="800" height="600" loading="lazy" decoding="async"></figure>',
    ].join('\n'))
  })

  it('escapes all text, so stored markup is shown, not run', () => {
    const html = blocksToHtml([{ type: 'paragraph', children: [text('<script>alert("x")</script> & <img src=x onerror=alert(1)>')] }])
    expect(html).toBe('<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(1)&gt;</p>')
  })

  it('keeps safe links and drops the link (not the text) for dangerous URLs', () => {
    const link = (url: string) => blocksToHtml([{ type: 'paragraph', children: [{ type: 'link', url, children: [text('go')] }] }])
    expect(link('https://example.com/?a=1&b="2"')).toBe('<p><a href="https://example.com/?a=1&amp;b=&quot;2&quot;" rel="noopener noreferrer">go</a></p>')
    expect(link('/posts/x')).toBe('<p><a href="/posts/x">go</a></p>')
    expect(link('mailto:hello@example.com')).toBe('<p><a href="mailto:hello@example.com">go</a></p>')
    for (const url of ['javascript:alert(1)', ' JaVaScRiPt:alert(1)', 'java\tscript:alert(1)', 'java\u0000script:alert(1)', 'data:text/html;base64,PHNjcmlwdD4=', 'vbscript:msgbox(1)']) {
      expect(link(url)).toBe('<p>go</p>')
    }
  })

  it('ignores unknown node types, malformed nodes and non-array input', () => {
    expect(blocksToHtml(null)).toBe('')
    expect(blocksToHtml('<script>')).toBe('')
    expect(blocksToHtml([{ type: 'html', value: '<script>' }, 42, null, { type: 'paragraph', children: 'not an array' }])).toBe('<p></p>')
    expect(blocksToHtml([{ type: 'heading', level: 99, children: [text('x')] }])).toBe('<h2>x</h2>')
  })

  it('renders no image whose URL is unsafe, and escapes alt text', () => {
    expect(blocksToHtml([{ type: 'image', image: { url: 'javascript:alert(1)', alternativeText: 'x' } }])).toBe('')
    expect(blocksToHtml([{ type: 'image', image: { url: '/uploads/a.png', alternativeText: '"><script>' } }]))
      .toBe('<figure><img src="/uploads/a.png" alt="&quot;&gt;&lt;script&gt;" loading="lazy" decoding="async"></figure>')
  })
})
