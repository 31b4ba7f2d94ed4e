// Lighthouse (mobile, its default) on Debian's Chromium, plus what the page makes a phone download.
import { gzipSync } from 'node:zlib'
import { launch } from 'chrome-launcher'
import lighthouse from 'lighthouse'
import { ensureDebianPackage } from '../lib/debian-package.mjs'

// The same flags as the e2e suite: no calls out to a network this machine does not have.
const CHROME_FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic']
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo']

/** Gzip size of every script the page loaded: as the server sends it to a client asking for gzip. */
async function scriptGzipBytes(lhr) {
  const scripts = lhr.audits['network-requests'].details.items.filter(item => item.resourceType === 'Script')
  let bytes = 0
  for (const { url } of scripts) {
    const response = await fetch(url, { headers: { 'accept-encoding': 'gzip' } })
    const body = Buffer.from(await response.arrayBuffer()) // fetch decodes; Content-Length is the encoded size
    bytes += response.headers.get('content-encoding') === 'gzip' ? Number(response.headers.get('content-length')) : gzipSync(body).length
  }
  return { bytes, files: scripts.length }
}

/**
 * @returns {Promise<{ scores: Record<string, number>, failing: string[], scriptGzipBytes: number, scriptFiles: number, transferBytes: number }>}
 */
export async function audit(url) {
  const chromePath = await ensureDebianPackage('chromium', '/usr/bin/chromium')
  const chrome = await launch({ chromePath, chromeFlags: CHROME_FLAGS })
  try {
    const { lhr } = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES })
    const scores = Object.fromEntries(CATEGORIES.map(id => [id, Math.round((lhr.categories[id]?.score ?? 0) * 100)]))
    // Audits that cost points, so the table says what to fix.
    const failing = CATEGORIES.flatMap(id => lhr.categories[id].auditRefs
      .filter(ref => ref.weight > 0 && lhr.audits[ref.id].score !== null && lhr.audits[ref.id].score < 0.9)
      .map(ref => `${id}: ${lhr.audits[ref.id].title}`))
    const scriptsSize = await scriptGzipBytes(lhr)
    return { scores, failing, scriptGzipBytes: scriptsSize.bytes, scriptFiles: scriptsSize.files, transferBytes: lhr.audits['total-byte-weight'].numericValue }
  }
  finally {
    chrome.kill()
  }
}
