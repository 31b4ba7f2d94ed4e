import { launch } from 'chrome-launcher'
import lighthouse from 'lighthouse'
import { startCms } from '../../testing/cms-server.ts'
import { startWeb } from '../../testing/web-server.ts'
const cms = await startCms({ DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: '/tmp/seedtest/a.db' })
const web = await startWeb(cms.url)
try {
  for (const page of (process.argv[2] ?? '/').split(',')) {
    await fetch(web.url + page)
    for (let i = 0; i < Number(process.argv[3] ?? 3); i++) {
      const chrome = await launch({ chromePath: '/usr/bin/chromium', chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'] })
      const { lhr } = await lighthouse(web.url + page, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] })
      chrome.kill()
      const a = lhr.audits
      console.log(page, Math.round(lhr.categories.performance.score * 100), ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index'].map(k => `${k.split('-').map(w => w[0]).join('')}=${Math.round(a[k].numericValue * 100) / 100}(${a[k].score})`).join(' '), 'ttfb', Math.round(a['server-response-time'].numericValue), 'rb', JSON.stringify((a['render-blocking-resources']?.details?.items ?? a['render-blocking-insight']?.details?.items ?? []).map(i => i.url)), 'chains', '', JSON.stringify(a['network-requests'].details.items.slice(0, 6).map(i => [i.url.replace(/http:\/\/127.0.0.1:\d+/, ''), i.priority, Math.round(i.networkRequestTime), Math.round(i.networkEndTime), i.transferSize])))
    }
  }
}
finally {
  await web.stop(); await cms.stop()
}
