import { describe, expect, it, vi } from 'vitest'
import type { Block } from './blocks.js'
import type { HtmlToBlocksOptions } from './from-html.js'
import { htmlToBlocks } from './from-html.js'
import { blocksToHtml } from './to-html.js'

/** The blocks, rendered: the shortest way to read what a conversion kept. */
function rendered(html: string, options?: HtmlToBlocksOptions): string {
  return blocksToHtml(htmlToBlocks(html, options))
}

const GUTENBERG = (html: string) => `<!-- wp:paragraph -->\n${html}\n<!-- /wp:paragraph -->`

/** Strapi's Blocks validation (core's blocks-validator), restated: what the importer's saves must pass. */
function strapiProblems(blocks: Block[]): string[] {
  const problems: string[] = []
  const inline = (nodes: unknown[], where: string, min: number) => {
    if (nodes.length < min) problems.push(`${where}: no children`)
    for (const node of nodes as any[]) {
      if (node.type === 'text') {
        if (typeof node.text !== 'string') problems.push(`${where}: text without text`)
      }
      else if (node.type === 'link') {
        if (!node.url.startsWith('/') && !/^(https?|mailto|tel):/.test(new URL(node.url).protocol)) problems.push(`${where}: link ${node.url}`)
        if (!node.children.every((child: any) => child.type === 'text')) problems.push(`${where}: link with a non-text child`)
      }
      else problems.push(`${where}: inline ${node.type}`)
    }
  }
  const list = (node: any, where: string) => {
    if (node.format !== 'ordered' && node.format !== 'unordered') problems.push(`${where}: format ${node.format}`)
    if (node.children.length === 0) problems.push(`${where}: empty list`)
    for (const child of node.children) {
      if (child.type === 'list') list(child, where)
      else if (child.type === 'list-item') inline(child.children, `${where} item`, 0)
      else problems.push(`${where}: list child ${child.type}`)
    }
  }
  blocks.forEach((block: any, index) => {
    const where = `${index} ${block.type}`
    if (block.type === 'heading' && ![1, 2, 3, 4, 5, 6].includes(block.level)) problems.push(`${where}: level ${block.level}`)
    if (block.type === 'list') list(block, where)
    else if (block.type === 'code') {
      if (block.children.length === 0 || !block.children.every((child: any) => child.type === 'text')) problems.push(`${where}: children`)
    }
    else if (['paragraph', 'heading', 'quote'].includes(block.type)) inline(block.children, where, 1)
    else if (block.type === 'image') inline(block.children, where, 0)
    else problems.push(`${where}: unknown block`)
  })
  return problems
}

describe('htmlToBlocks: classic-editor bodies (no <p>, wpautop at display time)', () => {
  it('makes a paragraph of each text between blank lines, and a line break of each single newline', () => {
    expect(rendered('First line\nsecond line\n\nNext paragraph\n \t\n\n\nLast')).toBe([
      '<p>First line<br>second line</p>',
      '<p>Next paragraph</p>',
      '<p>Last</p>',
    ].join('\n'))
  })

  it('adds no second line break after a <br> (as wpautop), and keeps <br><br>', () => {
    expect(rendered('One<br />\nTwo<br>\n<br />\nThree')).toBe('<p>One<br>Two<br><br>Three</p>')
  })

  it('ends paragraphs at block elements even without blank lines, and keeps marks across a blank line', () => {
    expect(rendered('Intro\n<ul>\n\t<li>One</li>\n\t<li>Two</li>\n</ul>\nOutro <em>one\n\ntwo</em>')).toBe([
      '<p>Intro</p>',
      '<ul><li>One</li><li>Two</li></ul>',
      '<p>Outro <em>one</em></p>',
      '<p><em>two</em></p>',
    ].join('\n'))
  })

  it('treats newlines in explicit <p>s and list items as line breaks too', () => {
    expect(rendered('<p>a\nb</p><ul><li>c\nd</li></ul>')).toBe('<p>a<br>b</p>\n<ul><li>c<br>d</li></ul>')
  })

  it('reads CRLF line ends as newlines', () => {
    expect(rendered('One\r\nTwo\r\n\r\nThree')).toBe('<p>One<br>Two</p>\n<p>Three</p>')
  })
})

describe('htmlToBlocks: Gutenberg bodies', () => {
  it('ignores the block comments and reads newlines inside elements as spaces', () => {
    const blocks = htmlToBlocks([
      GUTENBERG('<p>One\nparagraph</p>'),
      '',
      '<!-- wp:heading {"level":3} -->\n<h3 class="wp-block-heading">A heading</h3>\n<!-- /wp:heading -->',
      '',
      GUTENBERG('<p>Second</p>'),
    ].join('\n'))
    expect(blocksToHtml(blocks)).toBe('<p>One paragraph</p>\n<h3>A heading</h3>\n<p>Second</p>')
    expect(JSON.stringify(blocks)).not.toContain('wp:')
  })

  it('still ends paragraphs at blank lines outside block elements (a classic chunk), not inside them', () => {
    expect(rendered(`${GUTENBERG('<p>Inside\n\nthe same</p>')}\n\nLoose text\n\nmore loose text`))
      .toBe('<p>Inside the same</p>\n<p>Loose text</p>\n<p>more loose text</p>')
  })

  it('reads an image block with its caption', () => {
    const blocks = htmlToBlocks('<!-- wp:image {"id":12} -->\n<figure class="wp-block-image size-large"><img src="https://blog.example.com/wp-content/uploads/a.jpg" alt="" class="wp-image-12"/><figcaption class="wp-element-caption">The harbour</figcaption></figure>\n<!-- /wp:image -->')
    expect(blocks).toEqual([{
      type: 'image',
      image: { url: 'https://blog.example.com/wp-content/uploads/a.jpg', alternativeText: 'The harbour', width: null, height: null },
      children: [{ type: 'text', text: '' }],
    }])
  })
})

describe('htmlToBlocks: elements', () => {
  it('maps h1–h6 to headings with numeric levels, and drops empty ones', () => {
    const blocks = htmlToBlocks('<h1>One</h1><h2>Two</h2><h3>Three</h3><h4>Four</h4><h5>Five</h5><h6>Six</h6><h2> </h2>')
    expect(blocks.map(block => block.type === 'heading' && block.level)).toEqual([1, 2, 3, 4, 5, 6])
  })

  it('maps inline marks, code, links and line breaks', () => {
    const blocks = htmlToBlocks('<p><strong>b</strong> <b>b</b> <em>i</em> <i>i</i> <u>u</u> <s>s</s> <del>d</del> <strike>k</strike> <code>c</code> <a href="https://www.wipo.int/">link <b>bold</b></a><br>next</p>')
    expect(blocksToHtml(blocks)).toBe('<p><strong>b</strong> <strong>b</strong> <em>i</em> <em>i</em> <u>u</u> <s>s</s> <s>d</s> <s>k</s> <code>c</code> <a href="https://www.wipo.int/" rel="noopener noreferrer">link <strong>bold</strong></a><br>next</p>')
    expect(blocks[0]).toMatchObject({ children: expect.arrayContaining([{ type: 'link', url: 'https://www.wipo.int/', children: [{ type: 'text', text: 'link ' }, { type: 'text', text: 'bold', bold: true }] }]) })
  })

  it('merges adjacent texts with the same marks, and nests marks', () => {
    expect(htmlToBlocks('<p>a<span>b</span><b>c<i>d</i></b></p>')).toEqual([{
      type: 'paragraph',
      children: [{ type: 'text', text: 'ab' }, { type: 'text', text: 'c', bold: true }, { type: 'text', text: 'd', bold: true, italic: true }],
    }])
  })

  it('keeps root-relative, http(s), mailto and tel links, and only the text of the others', () => {
    expect(rendered('<p><a href="/about">a</a> <a href="mailto:x@example.com">b</a> <a href="tel:+4122">c</a> <a href="#note-1">d</a> <a href="page.html">e</a> <a href="ftp://example.com/">f</a> <a href="https://exa mple.com/">g</a> <a name="top">h</a></p>'))
      .toBe('<p><a href="/about">a</a> <a href="mailto:x@example.com">b</a> <a href="tel:+4122">c</a> d e f g h</p>')
  })

  it('skips <hr>, and ends the paragraph there', () => {
    expect(rendered('one<hr>two\n\n<hr />')).toBe('<p>one</p>\n<p>two</p>')
  })

  it('converts nested lists, nesting as Blocks do (a nested list follows its item)', () => {
    const blocks = htmlToBlocks('<ol><li>One<ul><li>One.a</li><li>One.b<ol><li>deep</li></ol></li></ul></li><li>Two</li></ol>')
    expect(blocks).toEqual([{
      type: 'list', format: 'ordered', children: [
        { type: 'list-item', children: [{ type: 'text', text: 'One' }] },
        {
          type: 'list', format: 'unordered', children: [
            { type: 'list-item', children: [{ type: 'text', text: 'One.a' }] },
            { type: 'list-item', children: [{ type: 'text', text: 'One.b' }] },
            { type: 'list', format: 'ordered', children: [{ type: 'list-item', children: [{ type: 'text', text: 'deep' }] }] },
          ],
        },
        { type: 'list-item', children: [{ type: 'text', text: 'Two' }] },
      ],
    }])
    expect(blocksToHtml(blocks)).toBe('<ol><li>One<ul><li>One.a</li><li>One.b<ol><li>deep</li></ol></li></ul></li><li>Two</li></ol>')
  })

  it('makes lines of an item\'s paragraphs, keeps a list nested straight in a list, and drops empty items and lists', () => {
    expect(rendered(GUTENBERG('<ul><li><p>Loose</p>\n<p>item</p></li><li></li><ul><li>stray nested</li></ul><li><ul><li>only nested</li></ul></li></ul><ol></ol>')))
      .toBe('<ul><li>Loose<br>item<ul><li>stray nested</li></ul></li><li><ul><li>only nested</li></ul></li></ul>')
  })

  it('flattens a quote\'s paragraphs to lines', () => {
    expect(rendered(GUTENBERG('<blockquote class="wp-block-quote"><p>First</p>\n<p><em>Second</em></p><cite>Someone</cite></blockquote>')))
      .toBe('<blockquote><p>First<br><em>Second</em><br>Someone</p></blockquote>')
    expect(rendered('<blockquote>Classic one\n\nClassic two</blockquote>')).toBe('<blockquote><p>Classic one<br>Classic two</p></blockquote>')
  })

  it('keeps code exactly, with its language', () => {
    const blocks = htmlToBlocks('<pre class="wp-block-code"><code class="language-ts">const a = &lt;T&gt;(x: T) =&gt; x\n\n  <b>indented</b>\n</code></pre><pre class="lang-php">\n&lt;?php echo 1;</pre><pre>plain<br>text</pre><pre>  \n</pre>')
    expect(blocks).toEqual([
      { type: 'code', language: 'ts', children: [{ type: 'text', text: 'const a = <T>(x: T) => x\n\n  indented\n' }] },
      { type: 'code', language: 'php', children: [{ type: 'text', text: '<?php echo 1;' }] },
      { type: 'code', children: [{ type: 'text', text: 'plain\ntext' }] },
    ])
  })

  it('makes one paragraph per table row, cells separated by " | "', () => {
    expect(rendered('<table><caption>Fees</caption><thead><tr><th>Office</th><th>Fee</th></tr></thead><tbody><tr><td>EPO</td><td><b>€</b> 1,000<p>per year</p></td></tr><tr><td></td><td>&nbsp;</td></tr></tbody></table>'))
      .toBe('<p>Fees</p>\n<p>Office | Fee</p>\n<p>EPO | <strong>€</strong> 1,000<br>per year</p>')
  })

  it('descends into containers, and keeps only the text of unknown elements', () => {
    expect(rendered('<div class="x"><section><article>In <span style="color:red">a span</span></article></section><div>second</div></div><marquee>hello</marquee> <font color="red">world</font>'))
      .toBe('<p>In a span</p>\n<p>second</p>\n<p>hello world</p>')
    expect(rendered('<constructor>c</constructor><toString>t</toString><hasOwnProperty>h</hasOwnProperty>')).toBe('<p>cth</p>')
  })

  it('drops active content and its text', () => {
    const blocks = htmlToBlocks('before<script>var secret = 1</script><style>p { color: red }</style><iframe src="https://www.youtube.com/embed/x">frame text</iframe><object data="movie.swf"><embed src="movie.swf">object text</object><noscript>noscript text</noscript><template>template text</template><svg><text>svg text</text></svg><math><mi>math text</mi></math>after')
    expect(blocks).toEqual([{ type: 'paragraph', children: [{ type: 'text', text: 'beforeafter' }] }])
  })
})

describe('htmlToBlocks: whitespace', () => {
  it('collapses whitespace across elements, trims block edges and drops empty paragraphs', () => {
    expect(rendered(GUTENBERG('<p>  a  <b> b </b>  c\t\td <br>  e  </p><p> </p><p>&nbsp;</p><p><br></p><div>\n</div>'))).toBe('<p>a <strong>b </strong>c d<br>e</p>')
  })

  it('keeps non-breaking spaces inside text', () => {
    expect(htmlToBlocks('<p>10&nbsp;km</p>')).toEqual([{ type: 'paragraph', children: [{ type: 'text', text: '10\u00A0km' }] }])
  })

  it('gives no blocks for an empty body', () => {
    for (const html of ['', '  \n\n ', '<!--more-->', '<p></p>', '<hr>']) expect(htmlToBlocks(html)).toEqual([])
  })
})

describe('htmlToBlocks: images', () => {
  const image = (url: string, alternativeText = '', width: number | null = null, height: number | null = null) =>
    ({ type: 'image', image: { url, alternativeText, width, height }, children: [{ type: 'text', text: '' }] })

  it('makes image blocks of images at block level, alone in a paragraph, in a link or in a figure', () => {
    expect(htmlToBlocks('<img src="https://a.example/1.jpg" alt="One" width="640" height="480"><p><img src="/2.jpg"></p><a href="https://a.example/big.jpg"><img src="https://a.example/3.jpg" alt="Three"></a><figure><img src="https://a.example/4.jpg" alt=""><figcaption>Four</figcaption></figure>'))
      .toEqual([image('https://a.example/1.jpg', 'One', 640, 480), image('/2.jpg'), image('https://a.example/3.jpg', 'Three'), image('https://a.example/4.jpg', 'Four')])
  })

  it('splits a paragraph around an image, and puts images from headings, items and quotes after them', () => {
    expect(htmlToBlocks('<p>Before <img src="/a.jpg"> after</p><h2>Title <img src="/b.jpg"></h2><ul><li>Item <img src="/c.jpg"></li></ul>')).toEqual([
      { type: 'paragraph', children: [{ type: 'text', text: 'Before' }] },
      image('/a.jpg'),
      { type: 'paragraph', children: [{ type: 'text', text: 'after' }] },
      { type: 'heading', level: 2, children: [{ type: 'text', text: 'Title' }] },
      image('/b.jpg'),
      { type: 'list', format: 'unordered', children: [{ type: 'list-item', children: [{ type: 'text', text: 'Item' }] }] },
      image('/c.jpg'),
    ])
  })

  it('keeps a figure\'s caption as text when the image has its own alt', () => {
    expect(htmlToBlocks('<figure><img src="/a.jpg" alt="A dam"><figcaption>Photo: <em>Jane</em></figcaption></figure>'))
      .toEqual([image('/a.jpg', 'A dam'), { type: 'paragraph', children: [{ type: 'text', text: 'Photo: ' }, { type: 'text', text: 'Jane', italic: true }] }])
  })

  it('keeps by default only images with an http(s) or root-relative src', () => {
    const blocks = htmlToBlocks('<img src="uploads/relative.jpg"><img src="data:image/png;base64,AAAA"><img src="javascript:alert(1)"><img src="ftp://a.example/x.jpg"><img src=""><img><img src="http://a.example/ok.jpg">')
    expect(blocks).toEqual([image('http://a.example/ok.jpg')])
  })

  it('asks resolveImage for each image, stores what it returns, and drops the image on null', () => {
    const resolveImage = vi.fn((src: string, alt: string) =>
      src.endsWith('keep.jpg') ? { url: '/uploads/keep_1a2b.jpg', alternativeText: alt, width: 800, height: 600, name: 'keep.jpg' } as any : null)
    const blocks = htmlToBlocks('<img class="alignnone size-medium wp-image-42" src=" https://blog.example.com/wp-content/uploads/keep.jpg " alt="Kept" width="300" height="225"><img src="https://blog.example.com/drop.jpg" alt="Dropped">', { resolveImage })
    expect(resolveImage).toHaveBeenCalledWith('https://blog.example.com/wp-content/uploads/keep.jpg', 'Kept', { width: 300, height: 225, attachmentId: 42 })
    expect(resolveImage).toHaveBeenCalledWith('https://blog.example.com/drop.jpg', 'Dropped', { width: null, height: null, attachmentId: null })
    expect(blocks).toEqual([{ type: 'image', image: { url: '/uploads/keep_1a2b.jpg', alternativeText: 'Kept', width: 800, height: 600, name: 'keep.jpg' }, children: [{ type: 'text', text: '' }] }])
    expect(JSON.stringify(blocks)).not.toContain('Dropped')
  })
})

describe('htmlToBlocks: shortcodes', () => {
  it('turns [caption] into an image, its text as the alt of an image without one', () => {
    const resolveImage = vi.fn((src: string, alt: string) => ({ url: src, alternativeText: alt }))
    const blocks = htmlToBlocks('Intro\n\n[caption id="attachment_7" align="aligncenter" width="640"]<a href="https://blog.example.com/big.jpg"><img class="size-large wp-image-7" src="https://blog.example.com/harbour-640x480.jpg" alt="" width="640" height="480" /></a> The <em>harbour</em> at dawn[/caption]\n\nOutro', { resolveImage })
    expect(resolveImage).toHaveBeenCalledWith('https://blog.example.com/harbour-640x480.jpg', 'The harbour at dawn', { width: 640, height: 480, attachmentId: 7 })
    expect(blocks).toEqual([
      { type: 'paragraph', children: [{ type: 'text', text: 'Intro' }] },
      { type: 'image', image: { url: 'https://blog.example.com/harbour-640x480.jpg', alternativeText: 'The harbour at dawn' }, children: [{ type: 'text', text: '' }] },
      { type: 'paragraph', children: [{ type: 'text', text: 'Outro' }] },
    ])
  })

  it('reads the older caption="…" form, keeps the text of an image with alt, and leaves an unclosed one as text', () => {
    expect(rendered('[caption id="" align="alignnone" width="300" caption="From the attribute"]<img src="/a.jpg" alt="" />[/caption]\n\n[caption]<img src="/b.jpg" alt="B" /> Credit: Bob[/caption] and [caption]never closed'))
      .toBe([
        '<figure><img src="/a.jpg" alt="From the attribute" loading="lazy" decoding="async"></figure>',
        '<figure><img src="/b.jpg" alt="B" loading="lazy" decoding="async"></figure>',
        '<p>Credit: Bob</p>',
        '<p>and [caption]never closed</p>',
      ].join('\n'))
  })

  it('leaves a [caption] in a code sample alone', () => {
    expect(htmlToBlocks('<pre>[caption]<img src="/a.jpg">x[/caption]</pre>')).toEqual([{ type: 'code', children: [{ type: 'text', text: '[caption]x[/caption]' }] }])
  })

  it('keeps other shortcodes as plain text', () => {
    expect(rendered('[gallery ids="1,2,3"]\n\n[embed]https://www.youtube.com/watch?v=x[/embed]\n\n[captions are fun]'))
      .toBe('<p>[gallery ids=&quot;1,2,3&quot;]</p>\n<p>[embed]https://www.youtube.com/watch?v=x[/embed]</p>\n<p>[captions are fun]</p>')
  })
})

describe('htmlToBlocks: hostile input', () => {
  const hostile = [
    '<script>alert(1)</script>Text one',
    '<img src=x onerror=alert(1)>Text two',
    '<img src="/ok.jpg" onerror="alert(1)" onload="alert(1)" style="x:expression(alert(1))">',
    '<a href="javascript:alert(1)">Text three</a>',
    '<a href="  JaVa&#x09;ScRiPt:alert(1)">Text four</a>',
    '<a href="data:text/html,<script>alert(1)</script>">Text five</a>',
    '<a href="vbscript:msgbox(1)">Text six</a>',
    '<iframe src="javascript:alert(1)"></iframe>Text seven',
    '<svg onload=alert(1)><script>alert(1)</script></svg>Text eight',
    '<p onclick="alert(1)">Text nine</p>',
    '<math><mtext><script>alert(1)</script></mtext></math>Text ten',
    '<p>Text eleven</p><object data="data:text/html,x"></object><embed src="javascript:alert(1)">',
    '<noscript><img src=x onerror=alert(1)></noscript><template><script>alert(1)</script></template>Text twelve',
    '<a href="https://ok.example/" onmouseover="alert(1)">Text thirteen</a>',
    '<img src="data:image/svg+xml,<svg onload=alert(1)>" alt="Text fourteen">',
    '[caption]<img src="javascript:alert(1)" alt="" /> Text fifteen[/caption]',
    '<style>@import "javascript:alert(1)"</style><p style="background:url(javascript:alert(1))">Text sixteen</p>',
    '<div><scr<script>ipt>x</script>Text seventeen</div>',
  ]

  it('keeps the text and nothing executable', () => {
    for (const html of hostile) {
      const blocks = htmlToBlocks(html)
      const json = JSON.stringify(blocks).toLowerCase()
      for (const bad of ['<script', 'onerror', 'onload', 'onclick', 'onmouseover', 'javascript:', 'vbscript:', 'data:', 'alert', 'style']) {
        expect(json, `${html} → ${json}`).not.toContain(bad)
      }
      expect(strapiProblems(blocks), html).toEqual([])
    }
    const text = blocksToHtml(hostile.flatMap(html => htmlToBlocks(html)))
    for (const word of ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'sixteen', 'seventeen']) {
      expect(text).toContain(`Text ${word}`)
    }
  })

  it('renders back through blocksToHtml without executable markup', () => {
    const html = blocksToHtml(htmlToBlocks(hostile.join('\n\n'))).toLowerCase()
    for (const bad of ['<script', '<iframe', '<svg', '<math', '<object', '<embed', '<style', 'javascript:', 'vbscript:', 'data:', 'alert']) {
      expect(html).not.toContain(bad)
    }
    expect(html).not.toMatch(/<[^>]*\son[a-z]*=/)
    expect(html).toContain('<a href="https://ok.example/" rel="noopener noreferrer">text thirteen</a>')
  })

  it('keeps markup that arrives as text as text', () => {
    expect(htmlToBlocks('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>')).toEqual([{ type: 'paragraph', children: [{ type: 'text', text: '<script>alert(1)</script>' }] }])
    expect(rendered('<p>&lt;script&gt;</p>')).toBe('<p>&lt;script&gt;</p>')
  })
})

describe('htmlToBlocks: Strapi validation', () => {
  it('gives blocks Strapi accepts for a mixed body', () => {
    const blocks = htmlToBlocks([
      '<h2>Title <a href="/x">linked</a></h2>',
      'Text with a <a href="https://example.com/"><b>bold</b> <i>link</i><br>broken</a>.',
      '<ul><li></li><li><ul><li><a href="mailto:x@example.com">mail</a></li></ul></li></ul>',
      '<blockquote><ul><li>a</li></ul><h3>b</h3></blockquote>',
      '<pre></pre><pre>x</pre><table><tr><td>1</td></tr></table>',
      '<figure><img src="/a.jpg"><figcaption>Caption</figcaption></figure>',
    ].join('\n\n'), { resolveImage: () => null })
    expect(blocks.map(block => block.type)).toEqual(['heading', 'paragraph', 'list', 'quote', 'code', 'paragraph'])
    expect(strapiProblems(blocks)).toEqual([])
  })
})
