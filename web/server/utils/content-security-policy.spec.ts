import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { contentSecurityPolicy, inlineScriptHashes } from './content-security-policy'

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`

describe('inlineScriptHashes', () => {
  it('hashes inline scripts that run — classic, module and import maps — exactly as written', () => {
    const head = '<script type="importmap">{"imports":{}}</script><script>window.__NUXT__={}</script><script type="module">import "/x.js"</script>'
    expect(inlineScriptHashes([head])).toEqual([sha256('{"imports":{}}'), sha256('window.__NUXT__={}'), sha256('import "/x.js"')])
  })

  it('skips data blocks and external scripts, which the policy need not allow inline', () => {
    const html = '<script type="application/json" id="__NUXT_DATA__">[1]</script><script type="application/ld+json">{}</script><script src="/_nuxt/a.js"></script>'
    expect(inlineScriptHashes([html])).toEqual([])
  })
})

describe('contentSecurityPolicy', () => {
  it('allows scripts only from the site and by hash, images from the site and the CMS, and no framing', () => {
    const policy = contentSecurityPolicy({ scriptHashes: ["'sha256-abc='"], mediaOrigin: 'https://cms.example.com' })
    expect(policy).toContain("script-src 'self' 'sha256-abc='")
    expect(policy).toContain("img-src 'self' data: https://cms.example.com")
    expect(policy).toContain("frame-ancestors 'none'")
    expect(policy).toContain("object-src 'none'")
    expect(policy).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/)
  })
})
