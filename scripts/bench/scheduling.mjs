// The scheduling section of `pnpm bench`: how late a scheduled post goes live — from its scheduled time to public in
// GraphQL and to visible on the site — beside the same path for a manual publish (the baseline), with the CMS on its
// production settings (a timer for the next due post, a 30 s sweep) and the built site purged by the CMS's webhook.
import { adminApi, POSTS } from '../../testing/admin-api.ts'
import { createTestDatabase } from '../../testing/cms-server.ts'
import { startStack } from '../../testing/stack.ts'
import { ms, percentile, table, verdict } from './report.mjs'
import { seedDatabase } from './seed.mjs'

const POSTS_EACH = 20
/** Scheduled posts fall due this far apart, so each is watched on its own. */
const SPACING_MS = 1_000
const POLL_MS = 10

const sleep = duration => new Promise(resolve => setTimeout(resolve, duration))

async function isPublic(cmsUrl, slug) {
  const response = await fetch(`${cmsUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: 'query($slug: String!) { posts(filters: { slug: { eq: $slug } }) { documentId } }', variables: { slug } }),
  })
  return ((await response.json()).data?.posts.length ?? 0) > 0
}

const isOnSite = async (siteUrl, slug) => (await fetch(`${siteUrl}/posts/${slug}`)).status === 200

/** Polls `check` until it holds; returns the moment it first did (ms since the epoch). */
async function whenTrue(check, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (await check()) return Date.now()
    await sleep(POLL_MS)
  }
  throw new Error('Timed out waiting for a post to become visible.')
}

export async function benchScheduling({ log }) {
  const database = await createTestDatabase()
  let stack
  try {
    log(`seeding the demo blog into a scratch ${database.kind} database`)
    await seedDatabase(database, ['--demo'])
    stack = await startStack(database.env, { cmsEnv: { SCHEDULER_SWEEP_SECONDS: '30' } })
    const admin = adminApi(stack.cms.url)
    const authors = await admin('GET', '/content-manager/collection-types/api::author.author?pageSize=1')
    const write = async (slug, fields = {}) => {
      const created = await admin('POST', POSTS, {
        title: `Benchmark ${slug}`,
        slug,
        body: [{ type: 'paragraph', children: [{ type: 'text', text: 'A post published by the benchmark.' }] }],
        author: { connect: [{ documentId: authors.body.results[0].documentId }] },
        ...fields,
      })
      if (created.status !== 201) throw new Error(`Creating a post failed: ${created.status} ${JSON.stringify(created.body)}`)
      return created.body.data.documentId
    }

    log(`${POSTS_EACH} manual publishes, each watched until it shows on the site (baseline)`)
    const manual = []
    for (let i = 0; i < POSTS_EACH; i += 1) {
      const slug = `bench-manual-${i}`
      const documentId = await write(slug)
      const started = Date.now()
      const published = await admin('POST', `${POSTS}/${documentId}/actions/publish`, {})
      if (published.status !== 200) throw new Error(`Publishing failed: ${published.status}`)
      const publicAt = await whenTrue(() => isPublic(stack.cms.url, slug))
      const onSiteAt = await whenTrue(() => isOnSite(stack.web.url, slug))
      manual.push({ toPublic: publicAt - started, toSite: onSiteAt - started })
    }

    log(`${POSTS_EACH} scheduled posts, ${SPACING_MS / 1000} s apart, each watched from its scheduled time`)
    const firstDue = Date.now() + 5_000
    const scheduled = []
    for (let i = 0; i < POSTS_EACH; i += 1) {
      const publishAt = new Date(firstDue + i * SPACING_MS)
      await write(`bench-scheduled-${i}`, { publishAt: publishAt.toISOString() })
      scheduled.push({ slug: `bench-scheduled-${i}`, due: publishAt.getTime() })
    }
    const lags = []
    for (const { slug, due } of scheduled) {
      await sleep(Math.max(0, due - Date.now()))
      const publicAt = await whenTrue(() => isPublic(stack.cms.url, slug))
      const onSiteAt = await whenTrue(() => isOnSite(stack.web.url, slug))
      lags.push({ toPublic: publicAt - due, toSite: onSiteAt - due, publishToSite: onSiteAt - publicAt })
    }

    const stats = values => ({ p50: percentile(values, 50), p95: percentile(values, 95), max: Math.max(...values) })
    const results = {
      database: database.kind,
      posts: POSTS_EACH,
      manual: { toPublic: stats(manual.map(m => m.toPublic)), toSite: stats(manual.map(m => m.toSite)) },
      scheduled: { toPublic: stats(lags.map(l => l.toPublic)), toSite: stats(lags.map(l => l.toSite)), publishToSite: stats(lags.map(l => l.publishToSite)) },
    }
    const row = (name, s, target) => [name, ms(s.p50), ms(s.p95), ms(s.max), target]
    console.log(table(
      `Scheduled publishing on ${database.kind}: ${POSTS_EACH} posts each, polled every ${POLL_MS} ms (same machine)`,
      ['measured', 'p50', 'p95', 'max', 'target'],
      [
        row('baseline: manual publish → public in GraphQL', results.manual.toPublic, '—'),
        row('baseline: manual publish → visible on the site', results.manual.toSite, `p95 ≤ 2 s: ${verdict(results.manual.toSite.p95 <= 2_000)}`),
        row('scheduled time → public in GraphQL', results.scheduled.toPublic, `p95 ≤ 60 s: ${verdict(results.scheduled.toPublic.p95 <= 60_000)}`),
        row('scheduled time → visible on the site', results.scheduled.toSite, `p95 ≤ 60 s: ${verdict(results.scheduled.toSite.p95 <= 60_000)}`),
        row('scheduled publish → visible on the site', results.scheduled.publishToSite, `p95 ≤ 2 s: ${verdict(results.scheduled.publishToSite.p95 <= 2_000)}`),
      ],
    ))
    return results
  }
  finally {
    await stack?.stop()
    await database.drop()
  }
}
