import { describe, expect, it } from 'vitest'
import { absoluteUrlsInHtml } from './absolute-urls.js'

describe('absoluteUrlsInHtml', () => {
  it('rewrites root-relative href and src, and leaves absolute ones alone', () => {
    expect(absoluteUrlsInHtml('<a href="/a?b=1&amp;c">x</a><img src="https://cdn.example.com/i.png">', 'https://blog.example.com'))
      .toBe('<a href="https://blog.example.com/a?b=1&amp;c">x</a><img src="https://cdn.example.com/i.png">')
  })

  it('resolves images against the media origin when it differs from the site', () => {
    expect(absoluteUrlsInHtml('<a href="/posts/x">x</a><img src="/uploads/a.png">', 'https://blog.example.com', 'https://cms.example.com'))
      .toBe('<a href="https://blog.example.com/posts/x">x</a><img src="https://cms.example.com/uploads/a.png">')
  })

  it('leaves protocol-relative URLs alone', () => {
    expect(absoluteUrlsInHtml('<img src="//cdn.example.com/i.png">', 'https://blog.example.com')).toBe('<img src="//cdn.example.com/i.png">')
  })
})
