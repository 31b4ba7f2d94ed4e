import { describe, expect, it } from 'vitest'
import { preferredEncoding, shouldCompress, variantEtag, withVaryAcceptEncoding } from './compression'

describe('choosing an encoding', () => {
  it('prefers brotli when a browser lists it anywhere, honours q-values, and falls back to identity', () => {
    expect(preferredEncoding('gzip, deflate, br, zstd')).toBe('br')
    expect(preferredEncoding('gzip')).toBe('gzip')
    expect(preferredEncoding('br;q=0.5, gzip')).toBe('gzip')
    expect(preferredEncoding('br;q=0, gzip;q=0')).toBeUndefined()
    expect(preferredEncoding('identity')).toBeUndefined()
    expect(preferredEncoding(undefined)).toBeUndefined()
    expect(preferredEncoding('*')).toBe('br')
  })
})

describe('what gets compressed', () => {
  it('text of a useful size that is not already encoded', () => {
    expect(shouldCompress({ 'content-type': 'text/html;charset=utf-8' }, 5_000)).toBe(true)
    expect(shouldCompress({ 'content-type': 'application/rss+xml; charset=utf-8' }, 5_000)).toBe(true)
    expect(shouldCompress({ 'content-type': 'application/feed+json' }, 5_000)).toBe(true)
    expect(shouldCompress({ 'content-type': 'text/html' }, 500)).toBe(false)
    expect(shouldCompress({ 'content-type': 'image/png' }, 5_000)).toBe(false)
    expect(shouldCompress({ 'content-type': 'text/html', 'content-encoding': 'br' }, 5_000)).toBe(false)
    expect(shouldCompress({}, 5_000)).toBe(false)
  })

  it('names each encoding\'s copy in the ETag and Vary', () => {
    expect(variantEtag('W/"abc"', 'br')).toBe('W/"abc-br"')
    expect(variantEtag('"abc"', 'gzip')).toBe('"abc-gzip"')
    expect(withVaryAcceptEncoding(undefined)).toBe('Accept-Encoding')
    expect(withVaryAcceptEncoding('Origin')).toBe('Origin, Accept-Encoding')
    expect(withVaryAcceptEncoding('accept-encoding')).toBe('accept-encoding')
  })
})
