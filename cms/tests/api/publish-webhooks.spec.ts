import { createHmac } from 'node:crypto'
import type { PostPublishedEvent } from '@pressroom/types'
import { Webhook } from 'standardwebhooks'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { RunningCms } from '../../../testing/cms-server'
import { startCms } from '../../../testing/cms-server'
import type { ReceivedCall, WebhookReceiver } from '../../../testing/webhook-receiver'
import { startWebhookReceiver } from '../../../testing/webhook-receiver'
import { adminAt, POSTS } from '../support/admin'

// A CMS of its own on the shared database, announcing publishes to two local receivers: one healthy, one that
// fails before it recovers.
const SECRET = `whsec_${Buffer.from('pressroom-test-signing-secret-32b').toString('base64')}`
const SITE = 'https://blog.example.com'
let cms: RunningCms
let steady: WebhookReceiver
let flaky: WebhookReceiver
let authorDocumentId = ''
const created: string[] = []

const editor = (method: string, path: string, body?: unknown) => adminAt(cms.url, method, path, body)
const isFor = (documentId: string) => (call: Pick<ReceivedCall, 'body'>) => (JSON.parse(call.body) as PostPublishedEvent).data.documentId === documentId
const eventsFor = (receiver: WebhookReceiver, documentId: string) => receiver.calls.filter(isFor(documentId))

async function writePost(slug: string, title: string) {
  const response = await editor('POST', POSTS, {
    title,
    slug,
    excerpt: `Why ${title.toLowerCase()} matters.`,
    body: [{ type: 'paragraph', children: [{ type: 'text', text: 'Read our ' }, { type: 'link', url: '/posts/other', children: [{ type: 'text', text: 'earlier post <b>' }] }] }],
    author: { connect: [{ documentId: authorDocumentId }] },
  })
  expect(response.status).toBe(201)
  created.push(response.body.data.documentId as string)
  return response.body.data.documentId as string
}

const publish = async (documentId: string) => (await editor('POST', `${POSTS}/${documentId}/actions/publish`, {})).status

/** Verifies a call the way the developer documentation tells receivers to, with node:crypto only. */
function verifiedByHand(call: ReceivedCall): boolean {
  const key = Buffer.from(SECRET.slice('whsec_'.length), 'base64')
  const signed = `${call.headers['webhook-id']}.${call.headers['webhook-timestamp']}.${call.body}`
  const expected = createHmac('sha256', key).update(signed).digest('base64')
  return call.headers['webhook-signature']!.split(' ').includes(`v1,${expected}`)
}

beforeAll(async () => {
  steady = await startWebhookReceiver()
  flaky = await startWebhookReceiver()
  cms = await startCms({ ...inject('databaseEnv'), PUBLISH_WEBHOOK_URLS: `${steady.url}, ${flaky.url}`, PUBLISH_WEBHOOK_SECRET: SECRET, SITE_PUBLIC_URL: SITE })
  const authors = await editor('GET', '/content-manager/collection-types/api::author.author?pageSize=1')
  authorDocumentId = authors.body.results[0].documentId
})

afterAll(async () => {
  for (const documentId of created) await editor('DELETE', `${POSTS}/${documentId}`)
  await cms?.stop()
  await steady?.stop()
  await flaky?.stop()
})

describe('the post.published webhook', () => {
  it('delivers a signed, documented payload within seconds of a publish', async () => {
    const documentId = await writePost('webhook-first-light', 'Webhook first light')
    const published = Date.now()
    expect(await publish(documentId)).toBe(200)
    const call = await steady.waitFor(isFor(documentId), 10_000)
    expect(call.receivedAt - published).toBeLessThan(5_000)
    await flaky.waitFor(isFor(documentId), 10_000) // so no late delivery of this event reaches the next test

    expect(new Webhook(SECRET).verify(call.body, call.headers)).toBeTruthy()
    expect(verifiedByHand(call)).toBe(true)
    expect(verifiedByHand({ ...call, body: call.body.replace('first light', 'forged') })).toBe(false)

    const event = JSON.parse(call.body) as PostPublishedEvent
    expect(call.headers['webhook-id']).toBe(event.id)
    expect(event).toMatchObject({
      type: 'post.published',
      data: {
        documentId,
        slug: 'webhook-first-light',
        url: `${SITE}/posts/webhook-first-light`,
        title: 'Webhook first light',
        excerpt: 'Why webhook first light matters.',
        categories: [],
      },
    })
    expect(event.data.author).toMatchObject({ url: expect.stringMatching(new RegExp(`^${SITE}/authors/`)) })
    // Safe HTML with absolute links: the receiver shows it away from the site.
    expect(event.data.html).toBe(`<p>Read our <a href="${SITE}/posts/other">earlier post &lt;b&gt;</a></p>`)
    expect(Date.parse(event.data.publishedAt)).toBeGreaterThanOrEqual(published - 1_000)
  })

  it('retries a failing receiver with growing waits, and the event keeps its id until it is accepted', async () => {
    let refusals = 2
    const documentId = await writePost('webhook-flaky-receiver', 'Webhook flaky receiver')
    // Only this post's event is refused, so a late delivery of another event cannot use up the refusals.
    flaky.respondWith = call => (isFor(documentId)(call) && refusals-- > 0 ? 503 : 200)
    expect(await publish(documentId)).toBe(200)
    await flaky.waitFor(isFor(documentId), 20_000)

    const attempts = eventsFor(flaky, documentId)
    expect(attempts.map(call => call.status)).toEqual([503, 503, 200])
    expect(new Set(attempts.map(call => call.headers['webhook-id'])).size).toBe(1)
    expect(new Set(attempts.map(call => call.body)).size).toBe(1)
    const waits = [attempts[1]!.receivedAt - attempts[0]!.receivedAt, attempts[2]!.receivedAt - attempts[1]!.receivedAt]
    expect(waits[0]).toBeGreaterThanOrEqual(900)
    expect(waits[1]).toBeGreaterThan(waits[0]!)
    // The healthy receiver got it once, at once: one slow receiver does not hold up the others.
    expect(eventsFor(steady, documentId)).toHaveLength(1)
  })

  it('announces a post once: saving, re-publishing, or unpublishing and publishing again sends nothing more', async () => {
    const documentId = await writePost('webhook-only-once', 'Webhook only once')
    expect(await publish(documentId)).toBe(200)
    await steady.waitFor(isFor(documentId))

    expect((await editor('PUT', `${POSTS}/${documentId}`, { title: 'Webhook only once, edited' })).status).toBe(200)
    expect(await publish(documentId)).toBe(200)
    expect((await editor('POST', `${POSTS}/${documentId}/actions/unpublish`, {})).status).toBe(200)
    expect(await publish(documentId)).toBe(200)
    await new Promise(resolve => setTimeout(resolve, 2_500)) // more than a poll of the outbox
    expect(eventsFor(steady, documentId)).toHaveLength(1)
  })

  it('never announces a draft', async () => {
    const documentId = await writePost('webhook-draft-only', 'Webhook draft only')
    await new Promise(resolve => setTimeout(resolve, 2_500))
    expect(eventsFor(steady, documentId)).toHaveLength(0)
  })

  it('lets the editor publish while every receiver is down, and delivers once they are back', async () => {
    await steady.stop()
    await flaky.stop()
    flaky.respondWith = () => 200
    const documentId = await writePost('webhook-receivers-down', 'Webhook receivers down')
    expect(await publish(documentId)).toBe(200)
    const site = await fetch(`${cms.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: `{ posts(filters: { slug: { eq: "webhook-receivers-down" } }) { title } }` }) })
    expect((await site.json() as { data: { posts: unknown[] } }).data.posts).toEqual([{ title: 'Webhook receivers down' }])

    await new Promise(resolve => setTimeout(resolve, 1_500))
    await steady.start()
    await flaky.start()
    await steady.waitFor(isFor(documentId), 20_000)
    await flaky.waitFor(isFor(documentId), 20_000)
    expect(eventsFor(steady, documentId)).toHaveLength(1)
  })
})
