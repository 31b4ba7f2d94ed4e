import { describe, expect, it } from 'vitest'
import { InvalidWebhookError, verifyPostPublished } from './index.js'

const SECRET = `whsec_${btoa('a-secret-of-at-least-sixteen-bytes')}`
const body = JSON.stringify({ id: 'post.published.abc', type: 'post.published', data: { title: 'Hello' } })

/** Signs as the CMS does (Standard Webhooks: HMAC-SHA256 over id.timestamp.body), with Web Crypto only. */
async function signed(payload: string, { secret = SECRET, timestamp = Math.floor(Date.now() / 1000) } = {}) {
  const keyBytes = Uint8Array.from(atob(secret.slice('whsec_'.length)), char => char.charCodeAt(0))
  const key = await crypto.subtle.importKey('raw', keyBytes, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign'])
  const mac = await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(`post.published.abc.${timestamp}.${payload}`))
  const signature = btoa(String.fromCharCode(...new Uint8Array(mac)))
  return { 'webhook-id': 'post.published.abc', 'webhook-timestamp': String(timestamp), 'webhook-signature': `v1,${signature}` }
}

describe('verifyPostPublished', () => {
  it('returns the event of a correctly signed call, from plain headers or a Headers object', async () => {
    expect(verifyPostPublished(SECRET, body, await signed(body)).data.title).toBe('Hello')
    expect(verifyPostPublished(SECRET, body, new Headers(await signed(body))).id).toBe('post.published.abc')
  })

  it('refuses an altered body, another secret, and a replay older than five minutes', async () => {
    const good = await signed(body)
    expect(() => verifyPostPublished(SECRET, body.replace('Hello', 'Hacked'), good)).toThrow(InvalidWebhookError)
    const other = await signed(body, { secret: `whsec_${btoa('some-other-secret-sixteen-bytes!')}` })
    expect(() => verifyPostPublished(SECRET, body, other)).toThrow(/Not a valid Pressroom webhook/)
    const replayed = await signed(body, { timestamp: Math.floor(Date.now() / 1000) - 600 })
    expect(() => verifyPostPublished(SECRET, body, replayed)).toThrow(InvalidWebhookError)
    expect(() => verifyPostPublished(SECRET, body, {})).toThrow(InvalidWebhookError)
  })
})
