import { describe, expect, it } from 'vitest'
import { parseHtml } from './parse-html.js'

describe('parseHtml', () => {
  it('keeps elements and text, and of the attributes only href, src, alt, width, height and class', () => {
    expect(parseHtml('<!-- wp:image --><a href="/x" onclick="alert(1)" style="color:red"><img src="/a.jpg" alt="A" width="3" height="2" class="wp-image-7  size-large" onerror="alert(1)" srcset="/b.jpg 2x"></a><?php echo 1 ?>')).toEqual({
      type: 'root',
      children: [{
        type: 'element', tagName: 'a', properties: { href: '/x' },
        children: [{ type: 'element', tagName: 'img', properties: { src: '/a.jpg', alt: 'A', width: '3', height: '2', className: ['wp-image-7', 'size-large'] }, children: [] }],
      }],
    })
  })

  it('decodes entities into one text node, and closes elements as HTML does', () => {
    const tree = parseHtml('<P>a &amp; b&nbsp;&lt;c&gt;<p>second<ul><li>one<li>two</ul>')
    expect(tree.children.map(node => node.type === 'element' && node.tagName)).toEqual(['p', 'p', 'ul'])
    expect(tree.children[0]).toMatchObject({ children: [{ type: 'text', value: 'a & b\u00A0<c>' }] })
    expect(tree.children[2]).toMatchObject({ children: [{ tagName: 'li' }, { tagName: 'li' }] })
  })

  it('leaves out scripts, styles, embeds and foreign content, with everything in them', () => {
    const tree = parseHtml('a<script>if (a </b> b) {}</script><style>b{}</style><iframe><p>x</p></iframe><svg><p>y</p></svg><noscript><p>z</p></noscript>b')
    expect(tree.children).toEqual([{ type: 'text', value: 'ab' }])
  })

  it('reads the content of raw-text elements as text', () => {
    expect(parseHtml('<textarea><b>not bold</b></textarea>').children[0]).toMatchObject({ children: [{ type: 'text', value: '<b>not bold</b>' }] })
  })
})
