import { parseFragment } from 'parse5'
import { describe, expect, it } from 'vitest'
import { graphql } from '../support/graphql'

interface HtmlNode {
  nodeName: string
  attrs?: Array<{ name: string, value: string }>
  childNodes?: HtmlNode[]
}

function elements(node: HtmlNode): HtmlNode[] {
  const children = node.childNodes ?? []
  return [...children.filter(child => !child.nodeName.startsWith('#')), ...children.flatMap(elements)]
}

describe('bodyHtml of a post whose body holds hostile HTML', () => {
  it('contains nothing a browser would execute', async () => {
    const { body } = await graphql('{ posts(filters: { slug: { eq: "hostile-html-in-the-body" } }) { bodyHtml } }')
    const html = body.data!.posts[0].bodyHtml as string
    // Parsed the way a browser parses it: the only elements are harmless formatting, no handlers, no script URLs.
    const found = elements(parseFragment(html) as HtmlNode)
    const tags = new Set(found.map(node => node.nodeName))
    for (const tag of tags) expect(['p', 'a', 'strong', 'em', 'br', 'code', 'h2']).toContain(tag)
    for (const node of found) {
      for (const attr of node.attrs ?? []) {
        expect(attr.name).not.toMatch(/^on/i)
        if (attr.name === 'href') expect(attr.value).toMatch(/^https:\/\//)
      }
    }
  })

  it('keeps the hostile text visible as text, and the safe link as a link', async () => {
    const { body } = await graphql('{ posts(filters: { slug: { eq: "hostile-html-in-the-body" } }) { bodyHtml excerpt } }')
    const html = body.data!.posts[0].bodyHtml as string
    expect(html).toContain('&lt;script&gt;alert(&#39;script tag&#39;)&lt;/script&gt;')
    expect(html).toContain('<a href="https://example.com/safe?a=1&amp;b=2" rel="noopener noreferrer">safe link</a>')
    expect(html).toContain('javascript link')
    // Links planted straight into the stored body (past Strapi's input validation) render as their text.
    expect(html).toContain('stored link javascript:alert(1)')
    expect(html).not.toMatch(/href="\s*(javascript|data|vbscript)/i)
    expect(html).not.toContain('<img')
  })
})
