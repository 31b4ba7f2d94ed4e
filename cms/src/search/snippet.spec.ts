import { describe, expect, it } from 'vitest'
import { parseSearchQuery } from './query'
import { snippetMaker } from './snippet'

const searchSnippet = (text: string, query: string) => snippetMaker(parseSearchQuery(query))(text)

describe('snippetMaker', () => {
  it('marks stemmed and accent-folded matches in the original text', () => {
    const html = searchSnippet('Filing a patent in China? Our café clients filed three patents last year.', 'patents cafe ')
    expect(html).toBe('Filing a <mark>patent</mark> in China? Our <mark>café</mark> clients filed three <mark>patents</mark> last year.')
  })

  it('escapes the text, so its only markup is <mark>', () => {
    const html = searchSnippet('<script>alert(1)</script> & "patent" <img src=x onerror=alert(2)>', 'patent ')
    expect(html).toBe('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;<mark>patent</mark>&quot; &lt;img src=x onerror=alert(2)&gt;')
    expect(html.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/)
  })

  it('cuts a long text to the part around the matches, with ellipses', () => {
    const filler = Array.from({ length: 80 }, (_, index) => `word${index}`).join(' ')
    const html = searchSnippet(`${filler} trademark squatters ${filler}`, 'squatt')
    expect(html.startsWith('… ')).toBe(true)
    expect(html.endsWith(' …')).toBe(true)
    expect(html).toContain('trademark <mark>squatters</mark>')
    expect(html.split(' ').length).toBeLessThan(40)
  })

  it('finds Chinese characters', () => {
    expect(searchSnippet('我们的专利申请', '专利')).toBe('我们的<mark>专</mark><mark>利</mark>申请')
  })
})
