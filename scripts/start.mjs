// ./pressroom start — generate local secrets, build, seed the demo content on first run, start the CMS.
import { spawn } from 'node:child_process'
import path from 'node:path'
import { buildCms, buildPackages, CMS_DIR } from './lib/build.mjs'
import { ensureSecrets, readEnvFile, SECRETS } from './lib/env-file.mjs'
import { run, step } from './lib/steps.mjs'

const cmsPort = Number(process.env.CMS_PORT ?? 1337)
const cmsUrl = `http://localhost:${cmsPort}`

await step('Preparing local configuration (cms/.env)', () => {
  const added = ensureSecrets(path.join(CMS_DIR, '.env'), SECRETS.cms)
  if (added.length > 0) console.log(`  generated ${added.join(', ')} into cms/.env (ignored by git)`)
})
await buildPackages()
await buildCms()

const database = process.env.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : `SQLite (cms/${readEnvFile(path.join(CMS_DIR, '.env')).DATABASE_FILENAME ?? process.env.DATABASE_FILENAME ?? '.tmp/data.db'})`
await step(`Seeding the demo content into ${database} if it has no posts yet`, () =>
  run('node', ['scripts/import-posts.mjs', 'content/demo', '--only-if-empty'], { cwd: CMS_DIR, env: { NODE_ENV: 'production', INIT_CWD: CMS_DIR } }))

console.log(`▸ Starting the CMS on port ${cmsPort}`)
const cms = spawn('pnpm', ['exec', 'strapi', 'start'], {
  cwd: CMS_DIR,
  env: { NODE_ENV: 'production', ...process.env, PORT: String(cmsPort) },
  stdio: 'inherit',
})
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => cms.kill(signal))
cms.on('exit', code => process.exit(code ?? 0))

const deadline = Date.now() + 60_000
while (Date.now() < deadline && cms.exitCode === null) {
  try {
    if ((await fetch(`${cmsUrl}/_health`)).ok) break
  }
  catch {}
  await new Promise(resolve => setTimeout(resolve, 250))
}
console.log(`
  Pressroom is running.

  CMS admin     ${cmsUrl}/admin      (first visit: create the first admin account in the form,
                                       or: pnpm --filter cms strapi admin:create-user --firstname=… --lastname=… --email=… --password=…)
  GraphQL API   ${cmsUrl}/graphql    (public: published posts, authors, categories)
  REST API      ${cmsUrl}/api/posts

  Import posts: ./pressroom import <folder-of-markdown>     Stop: Ctrl-C
`)
