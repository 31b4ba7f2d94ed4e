import { createHmac } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { AdminApi } from '../../../testing/admin-api'
import { adminApi, POSTS } from '../../../testing/admin-api'
import { TEST_WEBHOOK_SECRET } from '../../../testing/web-server'

// cms/tests/fixtures/content/posts/secret-draft-only-post.md is a draft until this file publishes it.
const DRAFT_SLUG = 'secret-draft-only-post'
const DRAFT_TITLE = 'Secret draft-only post'
let admin: AdminApi

beforeAll(() => {
  admin = adminApi(inject('e2eCmsUrl'))
})

afterAll(async () => {
  // Leave the draft a draft again for the other files.
  const found = await admin('GET', `${POSTS}?filters[slug][$eq]=${DRAFT_SLUG}`)
  const documentId = found.body?.results?.[0]?.documentId
  if (documentId) await admin('POST', `${POSTS}/${documentId}/actions/unpublish`, {})
})

describe('freshness', () => {
  it('a post published in the CMS is on the site, cached pages and all, within 2 seconds — no restart', async () => {
    const site = inject('siteUrl')
    // Warm the caches: the index (without the post) and the post's address (a 404).
    expect(await (await fetch(site)).text()).not.toContain(DRAFT_TITLE)
    expect((await fetch(`${site}/posts/${DRAFT_SLUG}`)).status).toBe(404)
    expect(await (await fetch(site)).text()).not.toContain(DRAFT_TITLE)

    const found = await admin('GET', `${POSTS}?filters[slug][$eq]=${DRAFT_SLUG}`)
    const documentId = found.body.results[0].documentId as string
    const published = await admin('POST', `${POSTS}/${documentId}/actions/publish`, {})
    expect(published.status).toBe(200)

    const started = Date.now()
    let visible = false
    while (!visible && Date.now() - started < 5_000) {
      visible = (await (await fetch(site)).text()).includes(DRAFT_TITLE)
      if (!visible) await new Promise(resolve => setTimeout(resolve, 100))
    }
    const elapsed = Date.now() - started
    expect(visible).toBe(true)
    expect(elapsed).toBeLessThan(2_000)
    const post = await fetch(`${site}/posts/${DRAFT_SLUG}`)
    expect(post.status).toBe(200)
    expect(await post.text()).toContain('self-folding umbrella')
  })
})

describe('the revalidation webhook', () => {
  const call = (signature: string, body = '{"event":"entry.publish"}') =>
    fetch(inject('webhookUrl'), { method: 'POST', headers: { 'content-type': 'application/json', 'x-pressroom-signature': signature }, body })

  it('refuses a call without a valid signature', async () => {
    expect((await call('')).status).toBe(401)
    expect((await call('sha256=0000')).status).toBe(401)
    const signedOther = `sha256=${createHmac('sha256', TEST_WEBHOOK_SECRET).update('{"other":true}').digest('hex')}`
    expect((await call(signedOther)).status).toBe(401)
  })

  it('accepts a call signed with the shared secret', async () => {
    const body = '{"event":"entry.update"}'
    const signature = `sha256=${createHmac('sha256', TEST_WEBHOOK_SECRET).update(body).digest('hex')}`
    expect((await call(signature, body)).status).toBe(204)
  })
})
