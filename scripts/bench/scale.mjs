// The scale-out section of `pnpm bench` (PostgreSQL and Redis: what several instances share): the repository's
// proxy config (nginx) in front of one site and one CMS, then two of each, loaded with wrk at concurrency 50 —
// a cached page straight from the site (the baseline for the proxy's cost) and through the proxy, the post page
// rendered for every request (cache bypassed) through the proxy — and then a rolling restart of all four instances
// under load, counting every answer that was not 2xx/3xx and every socket error.
import { mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createTestDatabase, freePort, startCms } from '../../testing/cms-server.ts'
import { startProxy } from '../../testing/proxy.ts'
import { startWeb, TEST_WEBHOOK_SECRET } from '../../testing/web-server.ts'
import { ms, perSecond, table, verdict } from './report.mjs'
import { seedDatabase } from './seed.mjs'
import { settle } from './settle.mjs'
import { wrk } from './wrk.mjs'

const CONCURRENCY = 50
const POST = '/posts/protecting-your-idea-before-you-talk-to-manufacturers'
const TARGETS = { uncachedScaling: 1.6, lostRequests: 0, proxyOverhead: 0.2 }

async function ready(url) {
  for (const deadline = Date.now() + 90_000; Date.now() < deadline;) {
    try {
      if ((await fetch(`${url}/_ready`)).status === 200) return
    }
    catch {}
    await new Promise(resolve => setTimeout(resolve, 200))
  }
  throw new Error(`${url}/_ready did not answer 200`)
}

export async function benchScale({ seconds, log }) {
  if (!process.env.DATABASE_URL || !process.env.REDIS_URL) {
    console.log('\n(scale-out: skipped — it needs DATABASE_URL and REDIS_URL, which several instances share)')
    return null
  }
  const database = await createTestDatabase()
  const instances = []
  let proxy
  try {
    log('scale-out: seeding PostgreSQL (demo + 100 posts)')
    await seedDatabase(database, ['--demo', '--synthetic', '100', '--token-file', path.join(mkdtempSync(path.join(os.tmpdir(), 'pressroom-token-')), 'token')])
    const proxyPort = await freePort()
    const proxyUrl = `http://127.0.0.1:${proxyPort}`
    const cmsEnv = { ...database.env, REDIS_URL: process.env.REDIS_URL, SITE_WEBHOOK_URL: `${proxyUrl}/api/revalidate`, SITE_WEBHOOK_SECRET: TEST_WEBHOOK_SECRET, SITE_PUBLIC_URL: proxyUrl, CMS_TRUSTED_PROXIES: '127.0.0.1' }
    const webEnv = { NUXT_CMS_GRAPHQL_URL: `${proxyUrl}/graphql`, NUXT_REDIS_URL: process.env.REDIS_URL, NUXT_PUBLIC_SITE_URL: proxyUrl }
    const ports = { cms: [await freePort(), await freePort()], web: [await freePort(), await freePort()] }
    const startCmsAt = port => startCms(cmsEnv, { port })
    const startWebAt = port => startWeb(`http://127.0.0.1:${ports.cms[0]}`, { port, env: webEnv })
    const withProxy = async count => {
      await proxy?.stop()
      const local = port => `http://127.0.0.1:${port}`
      proxy = await startProxy({ web: ports.web.slice(0, count).map(local), cms: ports.cms.slice(0, count).map(local), port: proxyPort })
    }
    const cms = []
    const web = []
    const measure = async (count) => {
      log(`scale-out: ${count} site + ${count} CMS instance(s) behind the proxy`)
      await fetch(`${proxyUrl}${POST}`)
      const row = {
        cachedThroughProxy: await wrk({ url: `${proxyUrl}${POST}`, connections: CONCURRENCY, seconds }),
        uncachedThroughProxy: await wrk({ url: `${proxyUrl}${POST}`, connections: CONCURRENCY, seconds, bypassCache: true }),
      }
      await settle()
      return row
    }

    cms.push(await startCmsAt(ports.cms[0]))
    web.push(await startWebAt(ports.web[0]))
    instances.push(cms, web)
    await withProxy(1)
    await fetch(`${web[0].url}${POST}`)
    const direct = await wrk({ url: `${web[0].url}${POST}`, connections: CONCURRENCY, seconds })
    const one = await measure(1)
    cms.push(await startCmsAt(ports.cms[1]))
    web.push(await startWebAt(ports.web[1]))
    await withProxy(2)
    const two = await measure(2)

    log('scale-out: rolling restart of 2 CMS and 2 site instances under load (cached and rendered post pages)')
    const restartSeconds = 75
    const loads = Promise.all([
      // A slow answer is not a lost one: only what gets no answer within 15 s counts as a timeout.
      wrk({ url: `${proxyUrl}${POST}`, connections: CONCURRENCY / 2, seconds: restartSeconds, warmupSeconds: 0, timeoutSeconds: 15 }),
      wrk({ url: `${proxyUrl}${POST}`, connections: CONCURRENCY / 2, seconds: restartSeconds, warmupSeconds: 0, bypassCache: true, timeoutSeconds: 15 }),
    ])
    // Handled now, awaited later: a load that fails while the restarts run must not end the process before `finally`
    // has stopped the instances.
    loads.catch(() => {})
    const started = Date.now()
    await new Promise(resolve => setTimeout(resolve, 3_000))
    const restarts = []
    for (const [list, start, portsOf] of [[cms, startCmsAt, ports.cms], [web, startWebAt, ports.web]]) {
      for (const index of [0, 1]) {
        const began = Date.now()
        await list[index].stop()
        list[index] = await start(portsOf[index])
        await ready(list[index].url)
        restarts.push((Date.now() - began) / 1000)
      }
    }
    const restartsDoneAfter = (Date.now() - started) / 1000
    const [cachedDuring, renderedDuring] = await loads
    const lost = cachedDuring.errors + renderedDuring.errors

    const share = (a, b) => `${(a / b).toFixed(2)}×`
    const kinds = result => Object.entries(result.errorKinds).filter(([, count]) => count > 0).map(([kind, count]) => `${count} ${kind}`).join(', ') || '—'
    const overhead = 1 - one.cachedThroughProxy.rps / direct.rps
    const scaling = two.uncachedThroughProxy.rps / one.uncachedThroughProxy.rps
    console.log(table(
      `Scale-out on PostgreSQL + Redis behind nginx, concurrency ${CONCURRENCY}, ${seconds} s each (wrk; all on the same ${os.cpus().length} cores)`,
      ['what', '1 site + 1 CMS', '2 sites + 2 CMS', 'ratio', 'p50 (1 → 2)', 'target'],
      [
        ['cached post page, straight from the site (baseline)', perSecond(direct.rps), '', '', ms(direct.p50), ''],
        ['cached post page through the proxy', perSecond(one.cachedThroughProxy.rps), perSecond(two.cachedThroughProxy.rps), share(two.cachedThroughProxy.rps, one.cachedThroughProxy.rps), `${ms(one.cachedThroughProxy.p50)} → ${ms(two.cachedThroughProxy.p50)}`, `proxy overhead ${(overhead * 100).toFixed(0)} % (≤ ${TARGETS.proxyOverhead * 100} %: ${verdict(overhead <= TARGETS.proxyOverhead)})`],
        ['post page rendered per request (cache bypassed) through the proxy', perSecond(one.uncachedThroughProxy.rps), perSecond(two.uncachedThroughProxy.rps), share(two.uncachedThroughProxy.rps, one.uncachedThroughProxy.rps), `${ms(one.uncachedThroughProxy.p50)} → ${ms(two.uncachedThroughProxy.p50)}`, `≥ ${TARGETS.uncachedScaling}×: ${verdict(scaling >= TARGETS.uncachedScaling)}`],
      ],
    ))
    console.log(table(
      `Rolling restart: each of 2 CMS and 2 site instances stopped (SIGTERM) and started again in turn, under wrk at ${CONCURRENCY} connections for ${restartSeconds} s`,
      ['load', 'requests', 'lost (non-2xx/3xx + socket errors)', 'of which', 'target'],
      [
        ['cached post page (25 connections)', cachedDuring.requests, cachedDuring.errors, kinds(cachedDuring), ''],
        ['rendered post page (25 connections)', renderedDuring.requests, renderedDuring.errors, kinds(renderedDuring), ''],
        ['all', cachedDuring.requests + renderedDuring.requests, lost, '', `${TARGETS.lostRequests}: ${verdict(lost <= TARGETS.lostRequests)}`],
      ],
    ))
    console.log(`\nRestarts took ${restarts.map(seconds => `${seconds.toFixed(1)} s`).join(', ')} (stop to ready); all four were done ${restartsDoneAfter.toFixed(0)} s into the load.`)
    return { direct, one, two, rollingRestart: { cachedDuring, renderedDuring, lost, restartSeconds: restarts } }
  }
  finally {
    for (const list of instances) await Promise.all(list.map(instance => instance.stop()))
    await proxy?.stop()
    await database.drop()
  }
}
