// Builds what the CMS runs: the shared packages (tsc) and the CMS itself (strapi build: server + admin panel).
// The CMS build takes about a minute and 2 GB, so it is skipped when none of its inputs changed.
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { run, step } from './steps.mjs'

export const ROOT = path.resolve(import.meta.dirname, '..', '..')
export const CMS_DIR = path.join(ROOT, 'cms')
const STAMP = path.join(CMS_DIR, 'dist', '.build-inputs-hash')
const CMS_INPUTS = ['cms/src', 'cms/config', 'cms/package.json', 'cms/tsconfig.json', 'cms/favicon.png', 'pnpm-lock.yaml']

function filesUnder(relative) {
  const absolute = path.join(ROOT, relative)
  if (!existsSync(absolute)) return []
  if (statSync(absolute).isFile()) return [relative]
  return readdirSync(absolute, { recursive: true, withFileTypes: true })
    .filter(entry => entry.isFile())
    .map(entry => path.relative(ROOT, path.join(entry.parentPath, entry.name)))
    .sort()
}

function inputsHash() {
  const hash = createHash('sha256')
  for (const file of CMS_INPUTS.flatMap(filesUnder)) hash.update(file).update(readFileSync(path.join(ROOT, file)))
  return hash.digest('hex')
}

export const WEB_DIR = path.join(ROOT, 'web')

export function buildWeb() {
  return step('Building the site (nuxt build, about 30 s)', () => run('pnpm', ['exec', 'nuxt', 'build'], { cwd: WEB_DIR, quiet: true }))
}

export function buildPackages() {
  return step('Building the shared packages (types, richtext, sdk)', () =>
    run('pnpm', ['--filter', './packages/*', '--sequential', 'run', 'build'], { cwd: ROOT, quiet: true }))
}

export async function buildCms({ force = false } = {}) {
  const hash = inputsHash()
  if (!force && existsSync(STAMP) && readFileSync(STAMP, 'utf8') === hash) {
    console.log('  ✓ CMS build is up to date')
    return
  }
  await step('Building the CMS (server and admin panel, about a minute)', async () => {
    // strapi build does not fail on type errors: check first, so a broken build never looks green.
    await run('pnpm', ['exec', 'tsc', '--noEmit', '-p', 'tsconfig.json'], { cwd: CMS_DIR, quiet: true })
    await run('pnpm', ['exec', 'strapi', 'build'], { cwd: CMS_DIR, quiet: true })
  })
  writeFileSync(STAMP, hash)
}
