import { describe, expect, it } from 'vitest'
import { previewConfig, previewOffReason } from './config'

const SECRET = 'a-preview-secret-of-at-least-32-characters'

describe('previewConfig', () => {
  it('turns preview off without PREVIEW_SECRET, and on with it (links last an hour by default)', () => {
    expect(previewConfig({})).toBeNull()
    expect(previewConfig({ PREVIEW_SECRET: SECRET, SITE_PUBLIC_URL: 'https://blog.example.com/' })).toEqual({ secret: SECRET, siteUrl: 'https://blog.example.com', lifetimeSeconds: 3600 })
  })

  it('refuses settings that would make links guessable or point nowhere, naming the fix', () => {
    expect(() => previewConfig({ PREVIEW_SECRET: 'short' })).toThrow(/PREVIEW_SECRET must be at least 32 characters long.*Generate one with/)
    expect(() => previewConfig({ PREVIEW_SECRET: SECRET, PREVIEW_LINK_LIFETIME_SECONDS: '2' })).toThrow(/from 10 to 86400; got "2"/)
  })

  it('stays off in production until it knows where the site is, and says why', () => {
    expect(previewConfig({ PREVIEW_SECRET: SECRET, NODE_ENV: 'production' })).toBeNull()
    expect(previewOffReason({ PREVIEW_SECRET: SECRET, NODE_ENV: 'production' })).toMatch(/SITE_PUBLIC_URL does not say where the site is/)
    expect(previewOffReason({ PREVIEW_SECRET: SECRET, NODE_ENV: 'production', SITE_PUBLIC_URL: 'https://blog.example.com' })).toBeNull()
  })
})
