import type { PostPublishedEvent } from '@pressroom/types'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { RunningCms } from '../../../testing/cms-server'
import { startCms } from '../../../testing/cms-server'
import type { RunningStack } from '../../../testing/stack'
import { startStack } from '../../../testing/stack'
import type { WebhookReceiver } from '../../../testing/webhook-receiver'
import { startWebhookReceiver } from '../../../testing/webhook-receiver'
import { adminAt, POSTS } from '../support/admin'

// Scheduled publishing on a CMS of its own (a one-second sweep, so no test waits long) with the built site and a
// post.published receiver: what a scheduled publish does must be everything a manual publish does.
const SECRET = `whsec_${Buffer.from('pressroom-test-signing-secret-32b').toString('base64')}`
let stack: RunningStack
let receiver: WebhookReceiver
let authorDocumentId = ''
const created: string[] = []

const editor = (method: string, path: string, body?: unknown) => adminAt(stack.cms.url, method, path, body)
const paragraph = (text: string) => [{ type: 'paragraph', children: [{ type: 'text', text }] }]
const inSeconds = (seconds: number) => new Date(Date.now() + seconds * 1000).toISOString()
const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms))

async function writePost(slug: string, fields: Record<string, unknown> = {}): Promise<string> {
  const response = await editor('POST', POSTS, {
    title: `Scheduled: ${slug}`,
    slug,
    body: paragraph(`The words of ${slug}, zebracorn.`),
    author: { connect: [{ documentId: authorDocumentId }] },
    ...fields,
  })
  expect(response.status, `${JSON.stringify(response.body)}\n${stack.cms.log().slice(-4000)}`).toBe(201)
  created.push(response.body.data.documentId as string)
  return response.body.data.documentId as string
}

async function save(documentId: string, changes: Record<string, unknown>) {
  const current = await editor('GET', `${POSTS}/${documentId}`)
  return editor('PUT', `${POSTS}/${documentId}`, { ...current.body.data, ...changes })
}

async function publicPost(cmsUrl: string, slug: string): Promise<{ title: string, date: string } | null> {
  const response = await fetch(`${cmsUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: 'query($slug: String!) { posts(filters: { slug: { eq: $slug } }) { title date } }', variables: { slug } }),
  })
  const { data } = await response.json() as { data: { posts: Array<{ title: string, date: string }> } }
  return data.posts[0] ?? null
}

/** Polls until `check` holds (every 100 ms), failing after `timeoutMs`. */
async function eventually<T>(what: string, check: () => Promise<T | null | false>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await check()
    if (value) return value
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`)
    await sleep(100)
  }
}

const announcementsOf = (documentId: string) => receiver.calls.filter(call => (JSON.parse(call.body) as PostPublishedEvent).data.documentId === documentId)

beforeAll(async () => {
  receiver = await startWebhookReceiver()
  stack = await startStack(inject('databaseEnv'), {
    cmsEnv: { SCHEDULER_SWEEP_SECONDS: '1', PUBLISH_WEBHOOK_URLS: receiver.url, PUBLISH_WEBHOOK_SECRET: SECRET },
  })
  const authors = await editor('GET', '/content-manager/collection-types/api::author.author?pageSize=1')
  authorDocumentId = authors.body.results[0].documentId
})

afterAll(async () => {
  for (const documentId of created) await editor('DELETE', `${POSTS}/${documentId}`)
  await stack?.stop()
  await receiver?.stop()
})

describe('scheduled publishing', () => {
  it('publishes a post at its time, with everything a publish does: GraphQL, search, the site, the feed, one announcement', async () => {
    const publishAt = inSeconds(2)
    const documentId = await writePost('scheduled-in-two-seconds', { publishAt })
    const saved = await editor('GET', `${POSTS}/${documentId}`)
    expect(saved.body.data).toMatchObject({ status: 'draft', scheduleStatus: 'scheduled', publishAt })
    expect(await publicPost(stack.cms.url, 'scheduled-in-two-seconds')).toBeNull()

    const post = await eventually('the scheduled post to be public', () => publicPost(stack.cms.url, 'scheduled-in-two-seconds'))
    // Never early, and the publication date readers see is the scheduled time.
    expect(Date.now()).toBeGreaterThanOrEqual(Date.parse(publishAt))
    expect(post.date).toBe(publishAt)

    const search = await fetch(`${stack.cms.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ searchPosts(query: "zebracorn") { hits { post { slug } } } }' }) })
    expect(JSON.stringify(await search.json())).toContain('scheduled-in-two-seconds')
    await eventually('the post on the site', async () => (await fetch(`${stack.web.url}/posts/scheduled-in-two-seconds`)).status === 200)
    await eventually('the post in the feed', async () => (await (await fetch(`${stack.web.url}/feed.xml`)).text()).includes('scheduled-in-two-seconds'))
    await receiver.waitFor(call => (JSON.parse(call.body) as PostPublishedEvent).data.documentId === documentId, 10_000)

    const after = await editor('GET', `${POSTS}/${documentId}`)
    expect(after.body.data).toMatchObject({ status: 'published', publishAt: null, scheduleStatus: null })
    // The post's history says who published it.
    const history = await editor('GET', `/pressroom/posts/${documentId}/versions`)
    expect(history.body.data[0]).toMatchObject({ status: 'published', actor: 'Scheduled publish' })
    await sleep(1_500) // a few more sweeps: none may publish or announce it again
    expect(announcementsOf(documentId)).toHaveLength(1)
  })

  it('keeps a post that fails the publish rules as a draft, with the reason for the editor; a later save keeps it failed', async () => {
    const other = await writePost('scheduled-beside-a-failure', { publishAt: inSeconds(1) })
    const response = await editor('POST', POSTS, { title: 'Scheduled without an author', slug: 'scheduled-without-author', body: paragraph('No byline.'), publishAt: inSeconds(1) })
    expect(response.status).toBe(201)
    const documentId = response.body.data.documentId as string
    created.push(documentId)

    const failed = await eventually('the schedule to fail', async () => {
      const { body } = await editor('GET', `${POSTS}/${documentId}`)
      return body.data.scheduleStatus === 'failed' ? body.data : null
    })
    expect(failed.status).toBe('draft')
    expect(failed.scheduleError).toBe('This post can\'t be published yet. Choose an author for this post.')
    expect(await publicPost(stack.cms.url, 'scheduled-without-author')).toBeNull()
    // Nothing else is affected: the post due at the same time went out.
    await eventually('the other post to be public', () => publicPost(stack.cms.url, 'scheduled-beside-a-failure'))
    expect((await editor('GET', `${POSTS}/${other}`)).body.data.status).toBe('published')

    // Editing the post without choosing a new time does not publish it behind the editor's back.
    expect((await save(documentId, { title: 'Scheduled without an author (edited)', scheduleStatus: 'scheduled' })).status).toBe(200)
    await sleep(1_500)
    const kept = await editor('GET', `${POSTS}/${documentId}`)
    expect(kept.body.data).toMatchObject({ status: 'draft', scheduleStatus: 'failed' })
  })

  it('reschedules, cancels, and publishes at once when the time has already passed', async () => {
    const moved = await writePost('scheduled-then-moved', { publishAt: inSeconds(3600) })
    const cancelled = await writePost('scheduled-then-cancelled', { publishAt: inSeconds(2) })
    expect((await save(cancelled, { publishAt: null })).status).toBe(200)
    expect((await save(moved, { publishAt: inSeconds(1) })).status).toBe(200)
    const past = await writePost('scheduled-in-the-past', { publishAt: new Date(Date.now() - 3_600_000).toISOString() })

    await eventually('the rescheduled post', () => publicPost(stack.cms.url, 'scheduled-then-moved'))
    await eventually('the post scheduled in the past', () => publicPost(stack.cms.url, 'scheduled-in-the-past'))
    await sleep(2_500)
    expect(await publicPost(stack.cms.url, 'scheduled-then-cancelled')).toBeNull()
    expect((await editor('GET', `${POSTS}/${cancelled}`)).body.data).toMatchObject({ status: 'draft', publishAt: null, scheduleStatus: null })
    expect((await editor('GET', `${POSTS}/${past}`)).body.data.status).toBe('published')
  })

  it('starts a duplicate of a scheduled post without a schedule', async () => {
    const original = await writePost('scheduled-original', { publishAt: inSeconds(3600) })
    const current = await editor('GET', `${POSTS}/${original}`)
    const clone = await editor('POST', `${POSTS}/clone/${original}`, { ...current.body.data, slug: 'scheduled-original-copy' })
    expect(clone.status, JSON.stringify(clone.body)).toBe(200)
    created.push(clone.body.data.documentId)
    const copy = await editor('GET', `${POSTS}/${clone.body.data.documentId}`)
    expect(copy.body.data).toMatchObject({ slug: 'scheduled-original-copy', publishAt: null, scheduleStatus: null })
    expect((await editor('GET', `${POSTS}/${original}`)).body.data.scheduleStatus).toBe('scheduled')
  })

  it('takes a published post off the site at its unpublish time', async () => {
    const documentId = await writePost('scheduled-to-unpublish')
    expect((await editor('POST', `${POSTS}/${documentId}/actions/publish`, {})).status).toBe(200)
    expect(await publicPost(stack.cms.url, 'scheduled-to-unpublish')).not.toBeNull()
    expect((await save(documentId, { unpublishAt: inSeconds(1) })).status).toBe(200)
    // Still public until then: the unpublish time is set on the draft, and the live post is untouched.
    expect(await publicPost(stack.cms.url, 'scheduled-to-unpublish')).not.toBeNull()
    await eventually('the post to go private', async () => (await publicPost(stack.cms.url, 'scheduled-to-unpublish')) === null)
    await eventually('the site to answer 404', async () => (await fetch(`${stack.web.url}/posts/scheduled-to-unpublish`)).status === 404)
    expect((await editor('GET', `${POSTS}/${documentId}`)).body.data).toMatchObject({ status: 'draft', unpublishAt: null })
  })

  it('refuses an unpublish time before the publish time, on the field, in plain words', async () => {
    const response = await editor('POST', POSTS, { title: 'Backwards schedule', slug: 'backwards-schedule', body: paragraph('x'), publishAt: inSeconds(7200), unpublishAt: inSeconds(3600) })
    expect(response.status).toBe(400)
    expect(response.body.error.message).toBe('"Unpublish at" must be later than "Publish at". Change one of the two times, or clear "Unpublish at".')
    expect(response.body.error.details.errors[0].path).toEqual(['unpublishAt'])
  })

  it('publishes a post that fell due while the CMS was stopped as soon as it starts again', async () => {
    const publishAt = inSeconds(4)
    const documentId = await writePost('scheduled-while-stopped', { publishAt })
    await stack.cms.stop()
    await sleep(Math.max(0, Date.parse(publishAt) - Date.now()) + 500)
    // On the same address, so the site keeps reaching it.
    const restarted = await startCms(stack.cmsEnv, { port: Number(new URL(stack.cms.url).port) })
    try {
      const post = await eventually('the overdue post to be public', () => publicPost(restarted.url, 'scheduled-while-stopped'), 10_000)
      expect(post.date).toBe(publishAt)
      expect((await adminAt(restarted.url, 'GET', `${POSTS}/${documentId}`)).body.data.status).toBe('published')
    }
    finally {
      // The rest of the file talks to `stack.cms`: hand it the running instance.
      stack.cms = restarted
    }
  })
})

// Several CMS instances share one PostgreSQL database in production (SQLite is one process's file).
if (inject('databaseKind') === 'postgres') {
  describe('scheduled publishing with two CMS instances on one database', () => {
    let second: RunningCms

    beforeAll(async () => {
      second = await startCms(stack.cmsEnv)
    })

    afterAll(async () => {
      await second?.stop()
    })

    it('publishes and announces each post exactly once', async () => {
      const publishAt = inSeconds(3)
      const posts = await Promise.all(['one', 'two', 'three', 'four', 'five'].map(name => writePost(`scheduled-twice-over-${name}`, { publishAt })))
      for (const [index, name] of ['one', 'two', 'three', 'four', 'five'].entries()) {
        await eventually(`post ${name} to be public`, () => publicPost(second.url, `scheduled-twice-over-${name}`))
        await receiver.waitFor(call => (JSON.parse(call.body) as PostPublishedEvent).data.documentId === posts[index], 20_000)
      }
      await sleep(2_000)
      const logs = stack.cms.log() + second.log()
      for (const documentId of posts) {
        expect(logs.split(`[schedule] published ${documentId}`).length - 1, documentId).toBe(1)
        expect(announcementsOf(documentId), documentId).toHaveLength(1)
      }
    })
  })
}
