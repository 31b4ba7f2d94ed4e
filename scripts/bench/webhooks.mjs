// The webhook section of `pnpm bench`: how long from an editor's publish to the post.published event arriving at a
// local receiver, and what announcing costs the editor — the publish request's own latency with two receivers
// configured (one healthy, one down) beside the same CMS without receivers (the baseline), on the same database.
import { adminApi, POSTS } from '../../testing/admin-api.ts'
import { createTestDatabase, startCms } from '../../testing/cms-server.ts'
import { startWebhookReceiver } from '../../testing/webhook-receiver.ts'
import { ms, percentile, table } from './report.mjs'
import { seedDatabase } from './seed.mjs'

const PUBLISHES = 40
const SECRET = `whsec_${Buffer.from('pressroom-benchmark-signing-key').toString('base64')}`

/** Publishes `count` new posts one after another; returns each publish request's latency and when it started. */
async function publishPosts(cmsUrl, label, count) {
  const admin = adminApi(cmsUrl)
  const authors = await admin('GET', '/content-manager/collection-types/api::author.author?pageSize=1')
  const author = authors.body.results[0].documentId
  const publishes = []
  for (let i = 0; i < count; i += 1) {
    const created = await admin('POST', POSTS, {
      title: `Benchmark ${label} ${i}`,
      slug: `benchmark-${label}-${i}`,
      body: [{ type: 'paragraph', children: [{ type: 'text', text: 'A post published by the benchmark.' }] }],
      author: { connect: [{ documentId: author }] },
    })
    const documentId = created.body.data.documentId
    const startedAt = Date.now()
    const started = performance.now()
    const published = await admin('POST', `${POSTS}/${documentId}/actions/publish`, {})
    if (published.status !== 200) throw new Error(`Publishing failed: ${published.status} ${JSON.stringify(published.body)}`)
    publishes.push({ documentId, startedAt, latency: performance.now() - started })
  }
  return publishes
}

export async function benchWebhooks({ log }) {
  const database = await createTestDatabase()
  const receiver = await startWebhookReceiver()
  const down = await startWebhookReceiver()
  await down.stop()
  try {
    log(`seeding the demo blog into a scratch ${database.kind} database`)
    await seedDatabase(database, ['--demo'])

    log(`${PUBLISHES} publishes without receivers (baseline)`)
    let cms = await startCms(database.env)
    const baseline = await publishPosts(cms.url, 'plain', PUBLISHES).finally(() => cms.stop())

    log(`${PUBLISHES} publishes announced to a healthy receiver and one that is down`)
    cms = await startCms({ ...database.env, PUBLISH_WEBHOOK_URLS: `${receiver.url},${down.url}`, PUBLISH_WEBHOOK_SECRET: SECRET, SITE_PUBLIC_URL: 'https://blog.example.com' })
    const announced = await publishPosts(cms.url, 'announced', PUBLISHES)
    const deliveries = []
    try {
      for (const publish of announced) {
        const call = await receiver.waitFor(candidate => JSON.parse(candidate.body).data.documentId === publish.documentId, 30_000)
        deliveries.push(call.receivedAt - publish.startedAt)
      }
    }
    finally {
      await cms.stop()
    }
    const duplicates = receiver.calls.length - new Set(receiver.calls.map(call => call.headers['webhook-id'])).size

    const stats = values => ({ p50: percentile(values, 50), p95: percentile(values, 95), max: Math.max(...values) })
    const results = {
      database: database.kind,
      publishes: PUBLISHES,
      publishLatency: { baseline: stats(baseline.map(p => p.latency)), announced: stats(announced.map(p => p.latency)) },
      publishToDelivery: stats(deliveries),
      duplicates,
    }
    const row = (name, s) => [name, ms(s.p50), ms(s.p95), ms(s.max)]
    console.log(table(
      `post.published webhook on ${database.kind}: ${PUBLISHES} publishes each, one after another (same machine)`,
      ['measured', 'p50', 'p95', 'max'],
      [
        row('baseline: publish request, no receivers', results.publishLatency.baseline),
        row('publish request, 2 receivers (1 down)', results.publishLatency.announced),
        row('publish → event received (signed, over HTTP)', results.publishToDelivery),
      ],
    ))
    console.log(`\nEvents delivered: ${deliveries.length} of ${PUBLISHES}, duplicates: ${duplicates}.`)
    return results
  }
  finally {
    await receiver.stop()
    await database.drop()
  }
}
