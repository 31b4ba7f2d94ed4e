import { describe, expect, it } from 'vitest'
import { publishWebhookConfig } from './config'

const SECRET = `whsec_${Buffer.from('0123456789abcdef0123').toString('base64')}`

describe('publishWebhookConfig', () => {
  it('is off when no receiver is configured', () => {
    expect(publishWebhookConfig({})).toBeNull()
    expect(publishWebhookConfig({ PUBLISH_WEBHOOK_URLS: ' , ' })).toBeNull()
  })

  it('reads a comma-separated list of receivers, the secret and the site address', () => {
    expect(publishWebhookConfig({ PUBLISH_WEBHOOK_URLS: 'https://a.example.com/hook, http://127.0.0.1:9000/x', PUBLISH_WEBHOOK_SECRET: SECRET, SITE_PUBLIC_URL: 'https://blog.example.com' }))
      .toEqual({ receivers: ['https://a.example.com/hook', 'http://127.0.0.1:9000/x'], secret: SECRET, siteUrl: 'https://blog.example.com' })
  })

  it('stops the boot with a message naming the setting when a receiver is not an http(s) URL', () => {
    expect(() => publishWebhookConfig({ PUBLISH_WEBHOOK_URLS: 'ftp://a.example.com', PUBLISH_WEBHOOK_SECRET: SECRET })).toThrow(/PUBLISH_WEBHOOK_URLS holds "ftp:\/\/a.example.com"/)
    expect(() => publishWebhookConfig({ PUBLISH_WEBHOOK_URLS: 'not a url', PUBLISH_WEBHOOK_SECRET: SECRET })).toThrow(/not an http\(s\) URL/)
  })

  it('needs the site\'s public address in production, where localhost links would be wrong', () => {
    const settings = { PUBLISH_WEBHOOK_URLS: 'https://a.example.com', PUBLISH_WEBHOOK_SECRET: SECRET }
    expect(() => publishWebhookConfig({ ...settings, NODE_ENV: 'production' })).toThrow(/SITE_PUBLIC_URL must say where the site is/)
    expect(publishWebhookConfig(settings)?.siteUrl).toBe('http://localhost:3000')
  })

  it('demands a real signing secret once receivers are set, and says how to make one', () => {
    expect(() => publishWebhookConfig({ PUBLISH_WEBHOOK_URLS: 'https://a.example.com' })).toThrow(/PUBLISH_WEBHOOK_SECRET must be a signing secret.*Generate one with/)
    expect(() => publishWebhookConfig({ PUBLISH_WEBHOOK_URLS: 'https://a.example.com', PUBLISH_WEBHOOK_SECRET: 'whsec_short' })).toThrow(/at least 16 bytes/)
  })
})
