// ./pressroom test — everything CI checks, in the order that fails fastest:
// lint → build packages → type-check → build the CMS and the site → GraphQL contract → unit, component and CMS
// API tests on SQLite → end-to-end tests in Chromium → the CMS API tests on PostgreSQL (when DATABASE_URL is set) →
// the topology tests (two instances of each app behind nginx, when DATABASE_URL and REDIS_URL are set).
// Ends with one line "tests: N passed, N failed".
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { existsSync } from 'node:fs'
import { buildCms, buildPackages, buildWeb, CMS_DIR, ROOT } from './lib/build.mjs'
import { ensureSecrets, SECRETS } from './lib/env-file.mjs'
import { run, step } from './lib/steps.mjs'

const totals = { passed: 0, failed: 0 }
let failure = null

async function vitest(title, projects, env) {
  const report = path.join(mkdtempSync(path.join(os.tmpdir(), 'pressroom-vitest-')), 'report.json')
  try {
    await step(title, () => run('pnpm', ['exec', 'vitest', 'run', ...projects.flatMap(project => ['--project', project]), '--reporter=default', '--reporter=json', `--outputFile.json=${report}`], { cwd: ROOT, env }))
  }
  catch (error) {
    failure ??= error
  }
  try {
    const results = JSON.parse(readFileSync(report, 'utf8'))
    totals.passed += results.numPassedTests
    totals.failed += results.numFailedTests + (results.numTotalTests === 0 ? 1 : 0)
  }
  catch {
    totals.failed += 1
  }
}

try {
  ensureSecrets(path.join(CMS_DIR, '.env'), SECRETS.cms)
  await step('Lint (eslint)', () => run('pnpm', ['exec', 'eslint', '.'], { cwd: ROOT }))
  // The CMS type-checks against the packages' built declarations: build them first.
  await buildPackages()
  await step('Type-check every package (tsc --noEmit)', () => run('pnpm', ['run', 'typecheck'], { cwd: ROOT, quiet: true }))
  await buildCms()
  await buildWeb()
  await step('GraphQL contract check (schema snapshot + generated documents)', () => run('node', ['scripts/contract.mjs', '--check'], { cwd: ROOT }))

  // SQLite with the response cache's in-process content version; PostgreSQL with the shared one in Redis
  // when REDIS_URL is set — the two set-ups the README describes.
  const databaseUrl = process.env.DATABASE_URL
  await vitest('Unit, component and CMS API tests on SQLite', ['unit', 'web', 'cms'], { DATABASE_URL: '', REDIS_URL: '' })
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
  if (!existsSync(chromium)) throw new Error(`The end-to-end tests need Chromium at ${chromium}: install Debian's package (apt-get install chromium) or set CHROMIUM_PATH.`)
  if (spawnSync('java', ['-version']).status !== 0) throw new Error('The end-to-end tests run the Nu HTML Checker (vnu.jar), which needs Java 11 or newer on PATH: install Debian\'s package (apt-get install openjdk-17-jre-headless).')
  await vitest('End-to-end tests: the built site and CMS in headless Chromium', ['e2e'], { DATABASE_URL: '', REDIS_URL: '' })
  if (databaseUrl) await vitest(`CMS API tests on PostgreSQL (DATABASE_URL)${process.env.REDIS_URL ? ' with Redis (REDIS_URL)' : ''}`, ['cms'], { DATABASE_URL: databaseUrl })
  else console.log('  (DATABASE_URL is not set: the CMS API tests ran on SQLite only)')
  // Several instances share state through PostgreSQL and Redis, so the topology needs both.
  if (databaseUrl && process.env.REDIS_URL) await vitest('Topology tests: two CMS and two site instances behind the proxy (nginx), a rolling restart under load', ['topology'], { DATABASE_URL: databaseUrl })
  else console.log('  (DATABASE_URL and REDIS_URL are not both set: the topology tests did not run)')
}
catch (error) {
  failure ??= error
  totals.failed += totals.failed === 0 ? 1 : 0
}

if (failure) console.error(`\n✗ ${failure.message}`)
console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed`)
process.exit(failure || totals.failed > 0 ? 1 : 0)
