// ./pressroom start — generate local secrets, build, seed the demo content on first run, start the CMS.
import { spawn } from 'node:child_process'
import path from 'node:path'
import { buildCms, buildPackages, buildWeb, CMS_DIR, WEB_DIR } from './lib/build.mjs'
import { ensureSecrets, readEnvFile, SECRETS } from './lib/env-file.mjs'
import { run, step } from './lib/steps.mjs'

const cmsPort = Number(process.env.CMS_PORT ?? 1337)
const webPort = Number(process.env.WEB_PORT ?? 3000)
const cmsUrl = `http://localhost:${cmsPort}`
const siteUrl = process.env.NUXT_PUBLIC_SITE_URL ?? `http://localhost:${webPort}`

await step('Preparing local configuration (cms/.env)', () => {
  const added = ensureSecrets(path.join(CMS_DIR, '.env'), SECRETS.cms)
  if (added.length > 0) console.log(`  generated ${added.join(', ')} into cms/.env (ignored by git)`)
})
const cmsEnv = readEnvFile(path.join(CMS_DIR, '.env'))
await buildPackages()
await buildCms()
await buildWeb()

const database = process.env.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : `SQLite (cms/${process.env.DATABASE_FILENAME ?? cmsEnv.DATABASE_FILENAME ?? '.tmp/data.db'})`
await step(`Seeding the demo content into ${database} if it has no posts yet`, () =>
  run('node', ['scripts/import-posts.mjs', 'content/demo', '--only-if-empty'], { cwd: CMS_DIR, env: { NODE_ENV: 'production', INIT_CWD: CMS_DIR, SITE_PUBLIC_URL: siteUrl } }))

/** Starts a long-running child; if either server stops, stop everything. */
const children = []
function serve(command, args, options) {
  const child = spawn(command, args, { stdio: 'inherit', ...options })
  children.push(child)
  child.on('exit', (code) => {
    for (const other of children) if (other !== child) other.kill('SIGTERM')
    process.exit(code ?? 0)
  })
  return child
}
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => children.forEach(child => child.kill(signal)))

async function waitFor(url, child) {
  const deadline = Date.now() + 60_000
  while (Date.now() < deadline && child.exitCode === null) {
    try {
      if ((await fetch(url)).ok) return
    }
    catch {}
    await new Promise(resolve => setTimeout(resolve, 250))
  }
}

console.log(`▸ Starting the CMS on port ${cmsPort}`)
// Strapi's own entry point, not `pnpm exec`: Ctrl-C and SIGTERM then reach the server itself.
const cms = serve(process.execPath, ['node_modules/@strapi/strapi/bin/strapi.js', 'start'], {
  cwd: CMS_DIR,
  env: { NODE_ENV: 'production', SITE_WEBHOOK_URL: `http://127.0.0.1:${webPort}/api/revalidate`, SITE_PUBLIC_URL: siteUrl, ...process.env, PORT: String(cmsPort) },
})
await waitFor(`${cmsUrl}/_health`, cms)

console.log(`▸ Starting the site on port ${webPort}`)
const web = serve(process.execPath, ['.output/server/index.mjs'], {
  cwd: WEB_DIR,
  env: {
    ...process.env,
    PORT: String(webPort),
    NUXT_CMS_GRAPHQL_URL: `http://127.0.0.1:${cmsPort}/graphql`,
    NUXT_PUBLIC_SITE_URL: siteUrl,
    NUXT_WEBHOOK_SECRET: cmsEnv.SITE_WEBHOOK_SECRET,
    // Previews: the links' shared secret, the token for drafts, and the admin's address (the one frame allowed).
    NUXT_PREVIEW_SECRET: cmsEnv.PREVIEW_SECRET,
    NUXT_CMS_PREVIEW_TOKEN: cmsEnv.SITE_PREVIEW_TOKEN,
    NUXT_CMS_ADMIN_ORIGIN: cmsUrl,
  },
})
await waitFor(`http://127.0.0.1:${webPort}/health`, web)

console.log(`
  Pressroom is running.

  Blog          ${siteUrl}
  CMS admin     ${cmsUrl}/admin      (first visit: create the first admin account in the form,
                                       or: pnpm --filter cms strapi admin:create-user --firstname=… --lastname=… --email=… --password=…)
  GraphQL API   ${cmsUrl}/graphql    (public: published posts, authors, categories)
  REST API      ${cmsUrl}/api/posts

  Import posts: ./pressroom import <folder-of-markdown>     Stop: Ctrl-C
`)
