import { describe, expect, it } from 'vitest'
import { safeUrl } from './safe-url.js'

describe('safeUrl', () => {
  it.each([
    'https://example.com',
    'http://example.com/a?b=c#d',
    'mailto:a@example.com',
    'tel:+861012345678',
    '/relative/path',
    '#anchor',
    '?page=2',
    'notes.html',
  ])('allows %s', (url) => {
    expect(safeUrl(url)).toBe(url)
  })

  it.each([
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    ' javascript:alert(1)',
    'java\nscript:alert(1)',
    'java\u0000script:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    '',
    '   ',
  ])('refuses %j', (url) => {
    expect(safeUrl(url)).toBeNull()
  })

  it('refuses non-strings', () => {
    expect(safeUrl(undefined)).toBeNull()
    expect(safeUrl({ toString: () => 'https://x' })).toBeNull()
  })
})
