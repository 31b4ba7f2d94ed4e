// ./pressroom compose-test — the production topology (docker-compose.yml) built and checked end to end:
//   1. the container engine (podman + podman-compose, or docker compose), and local base images when there is no
//      registry (Debian from debootstrap; Node, PostgreSQL, Redis, nginx on it), built once and reused
//   2. the CMS and site images from cms/Dockerfile and web/Dockerfile
//   3. the stack from a copy of docker-compose.yml + proxy/ with a throwaway .env (fresh secrets), the demo content
//      imported inside the CMS container, then checks through the proxy's one public port: the blog index, a
//      publish through the admin API showing on the site, feeds, GraphQL, the CMS REST API, cache headers
//   4. down (volumes kept) and up again: the content is still there
//   5. two CMS and two site instances behind the proxy: both of each answer
//   6. down -v and cleanup
// Options: --keep   leave the stack running at the end (prints how to stop it)
//          --no-build   reuse the app images from an earlier run when they exist
import { execFileSync, spawn } from 'node:child_process'
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { parse as parseYaml } from 'yaml'
import { detectEngine, engineOutput, engineRun, ensureLocalImages, imageExists, imageSize, LOCAL_IMAGES } from './lib/containers.mjs'
import { SECRETS } from './lib/env-file.mjs'
import { run, step } from './lib/steps.mjs'

const ROOT = path.resolve(import.meta.dirname, '..')
const { values: options } = parseArgs({ options: { 'keep': { type: 'boolean', default: false }, 'no-build': { type: 'boolean', default: false } } })
const started = Date.now()
const seconds = since => `${((Date.now() - since) / 1000).toFixed(1)} s`
const sleep = ms => new Promise(resolve => setTimeout(resolve, ms))
const PROJECT = 'pressroomtest'
const APP_IMAGES = { cms: 'localhost/pressroom-cms:compose-test', web: 'localhost/pressroom-web:compose-test' }
const timings = {}

class CheckFailed extends Error {}
function check(condition, message) {
  if (!condition) throw new CheckFailed(message)
}

const workDir = mkdtempSync(path.join(tmpdir(), 'pressroom-compose-test-'))
let engine
let stackUp = false

// ── the compose project: a copy of the committed files, and the .env this run writes ──────────────────────────
const projectDir = path.join(workDir, 'project')
mkdirSync(projectDir)
copyFileSync(path.join(ROOT, 'docker-compose.yml'), path.join(projectDir, 'docker-compose.yml'))
cpSync(path.join(ROOT, 'proxy'), path.join(projectDir, 'proxy'), { recursive: true })
const composeFile = parseYaml(readFileSync(path.join(ROOT, 'docker-compose.yml'), 'utf8'))

async function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    }).on('error', reject)
  })
}

const env = {}
function writeEnv(overrides = {}) {
  Object.assign(env, overrides)
  const lines = Object.entries(env).map(([name, value]) => `${name}=${value}`)
  writeFileSync(path.join(projectDir, '.env'), `# Written by ./pressroom compose-test for one run; deleted at the end.\n${lines.join('\n')}\n`, { mode: 0o600 })
}

/** The compose tool in the project copy, with the run's .env (both tools read .env next to the compose file). */
function compose(args, { quiet = true } = {}) {
  return run(engine.compose.bin, [...engine.compose.args, '-p', PROJECT, '-f', path.join(projectDir, 'docker-compose.yml'), ...args], { cwd: projectDir, quiet, env: engine.env })
}
const composeBin = () => engine.compose.bin

function containers(service) {
  const out = engineOutput(engine, ['ps', '-a', '--filter', `label=com.docker.compose.project=${PROJECT}`, ...(service ? ['--filter', `label=com.docker.compose.service=${service}`] : []), '--format', '{{.Names}}'])
  return out.split('\n').filter(Boolean).sort()
}

function containerState(name) {
  return engineOutput(engine, ['inspect', '--format', '{{.State.Status}}', name])
}

function containerAddress(name) {
  return engineOutput(engine, ['inspect', '--format', '{{range .NetworkSettings.Networks}}{{.IPAddress}} {{end}}', name]).trim()
}

/** Health as the image's (or compose file's) HEALTHCHECK says. podman without systemd runs checks only on demand. */
async function isHealthy(name) {
  if (engine.selfHealthchecks) return engineOutput(engine, ['inspect', '--format', '{{.State.Health.Status}}', name]) === 'healthy'
  try {
    execFileSync(engine.bin, ['healthcheck', 'run', name], { env: { ...process.env, ...engine.env }, stdio: 'ignore' })
    return true
  }
  catch {
    return false
  }
}

async function waitHealthy(services, timeoutMs = 180_000) {
  const deadline = Date.now() + timeoutMs
  for (const service of services) {
    const names = containers(service)
    check(names.length > 0, `No container for the ${service} service was created.`)
    for (const name of names) {
      while (true) {
        const state = containerState(name)
        if (state !== 'running' && state !== 'created' && state !== 'starting') throw new CheckFailed(`${name} is ${state}, not running.`)
        const restarts = Number(engineOutput(engine, ['inspect', '--format', '{{.RestartCount}}', name]) || 0)
        if (restarts > 0) throw new CheckFailed(`${name} exited and was restarted ${restarts}× while starting.`)
        if (await isHealthy(name)) break
        if (Date.now() > deadline) throw new CheckFailed(`${name} did not become healthy within ${timeoutMs / 1000} s.`)
        await sleep(1000)
      }
    }
  }
}

const baseUrl = () => `http://127.0.0.1:${env.PROXY_PORT}`

async function request(pathAndQuery, init = {}) {
  const response = await fetch(`${baseUrl()}${pathAndQuery}`, { redirect: 'manual', signal: AbortSignal.timeout(15_000), ...init })
  const body = await response.text()
  return { status: response.status, headers: response.headers, body, json: () => JSON.parse(body) }
}

async function waitFor(what, probe, timeoutMs) {
  const since = Date.now()
  let last
  while (Date.now() - since < timeoutMs) {
    try {
      last = await probe()
      if (last === true) return Date.now() - since
    }
    catch (error) {
      last = error.message
    }
    await sleep(250)
  }
  throw new CheckFailed(`${what}: not within ${timeoutMs / 1000} s (last: ${typeof last === 'string' ? last : JSON.stringify(last)?.slice(0, 300)}).`)
}

/** Brings the stack up service by service, each waiting for what it needs (podman-compose 1.0 ignores conditions). */
async function up(label) {
  await step(`${label}: PostgreSQL and Redis`, async () => {
    await compose(['up', '-d', '--no-build', 'postgres', 'redis'])
    stackUp = true
    await waitHealthy(['postgres', 'redis'])
  })
  await step(`${label}: the CMS (${env.CMS_REPLICAS}×)`, async () => {
    await compose(['up', '-d', '--no-build', 'cms'])
    await waitHealthy(['cms'])
  })
  await step(`${label}: the site (${env.WEB_REPLICAS}×) and the proxy`, async () => {
    await compose(['up', '-d', '--no-build', 'web'])
    await waitHealthy(['web'])
    await compose(['up', '-d', '--no-build', 'proxy'])
    await waitFor('the proxy answers', async () => (await request('/_proxy/health')).status === 200, 30_000)
  })
}

async function down({ volumes }) {
  await compose(['down', '-t', '15', ...(volumes ? ['-v'] : [])])
  stackUp = volumes ? false : stackUp
}

function dumpLogs() {
  if (!engine) return
  for (const name of containers()) {
    console.log(`\n──── logs: ${name} (${(() => { try { return containerState(name) } catch { return '?' } })()}) ────`)
    try {
      console.log(execFileSync(engine.bin, ['logs', '--tail', '60', name], { env: { ...process.env, ...engine.env }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trimEnd())
    }
    catch (error) {
      console.log(String(error.stdout ?? '') + String(error.stderr ?? error.message))
    }
  }
}

/** One image build, its output kept in a log; prints each Dockerfile step as it starts, with the previous one's time. */
function buildAppImage(app, args) {
  const log = path.join(workDir, `build-${app}.log`)
  const flags = ['build', '--network', 'host', '-t', APP_IMAGES[app], '-f', path.join(ROOT, app, 'Dockerfile')]
  if (engine.name === 'podman') flags.push('--format', 'docker', '--layers')
  else flags.push('--progress', 'plain')
  for (const [name, value] of Object.entries(args)) flags.push('--build-arg', `${name}=${value}`)
  // The npm registry behind this machine's CA: handed to the build as a secret, never stored in a layer.
  if (process.env.NODE_EXTRA_CA_CERTS) flags.push('--secret', `id=npm_ca,src=${process.env.NODE_EXTRA_CA_CERTS}`)
  flags.push(ROOT)
  return new Promise((resolve, reject) => {
    const child = spawn(engine.bin, flags, { env: { ...process.env, ...engine.env, DOCKER_BUILDKIT: '1' }, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    let pending = ''
    let current = null
    const finishStep = () => {
      if (current) console.log(`  │ ${current.title} (${seconds(current.since)})`)
    }
    const onData = (chunk) => {
      output += chunk
      pending += chunk
      const lines = pending.split(/\r?\n/)
      pending = lines.pop()
      for (const line of lines) {
        const stepLine = /^(\[\d+\/\d+\] )?STEP \d+\/\d+: .*/.exec(line) ?? /^#\d+ \[[^\]]+\] .*/.exec(line)
        if (stepLine && !line.includes('CACHED') && current?.title !== line.slice(0, 110)) {
          finishStep()
          current = { title: line.slice(0, 110), since: Date.now() }
        }
      }
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    child.on('error', reject)
    child.on('close', (code) => {
      finishStep()
      writeFileSync(log, output)
      if (code === 0) return resolve()
      console.log(output.split('\n').slice(-60).map(line => `  │ ${line}`).join('\n'))
      reject(new CheckFailed(`Building the ${app} image failed (exit code ${code}); full log: ${log}`))
    })
  })
}

const mb = bytes => `${(bytes / 1e6).toFixed(0)} MB`

/** The demo posts' titles (cms/content/demo/posts/*.md), newest first, as the index should list them. */
function demoPosts() {
  const dir = path.join(ROOT, 'cms', 'content', 'demo', 'posts')
  return readdirSync(dir).filter(file => file.endsWith('.md')).map(file => parseYaml(/^---\n([\s\S]*?)\n---/.exec(readFileSync(path.join(dir, file), 'utf8'))?.[1] ?? '{}'))
    .filter(post => !post.draft)
    .sort((a, b) => String(b.date).localeCompare(String(a.date)))
}

const escapeHtml = text => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')

async function adminSession() {
  const editor = { firstname: 'Compose', lastname: 'Test', email: 'compose-test@example.com', password: 'Compose-Passw0rd!' }
  const json = { 'content-type': 'application/json' }
  let response = await request('/admin/register-admin', { method: 'POST', headers: json, body: JSON.stringify(editor) })
  if (response.status !== 200 && response.status !== 201) response = await request('/admin/login', { method: 'POST', headers: json, body: JSON.stringify({ email: editor.email, password: editor.password }) })
  check(response.status === 200 || response.status === 201, `Signing in to the admin through the proxy failed: ${response.status} ${response.body.slice(0, 300)}`)
  const token = response.json().data.token
  return async (method, pathAndQuery, body) => {
    const answer = await request(pathAndQuery, { method, headers: { ...json, authorization: `Bearer ${token}` }, body: body === undefined ? undefined : JSON.stringify(body) })
    return { status: answer.status, body: answer.body ? JSON.parse(answer.body) : null }
  }
}

const POSTS = '/content-manager/collection-types/api::post.post'
const published = { title: `Published through the proxy ${Date.now().toString(36)}`, slug: `published-through-the-proxy-${Date.now().toString(36)}` }

async function checkSite(label) {
  const posts = demoPosts()
  await step(`${label}: the blog index lists the demo posts`, async () => {
    const index = await request('/')
    check(index.status === 200, `GET / answered ${index.status}.`)
    const missing = posts.slice(0, 5).filter(post => !index.body.includes(escapeHtml(post.title)))
    check(missing.length === 0, `The index does not list ${missing.map(post => `"${post.title}"`).join(', ')}.`)
    check(index.headers.get('x-request-id'), 'The proxy sent no X-Request-Id.')
  })
}

async function checkEverything() {
  await checkSite('Through the proxy')
  const index = await request('/', { headers: { 'accept-encoding': 'br, gzip' } })
  await step('Cache headers: /_nuxt/* immutable, /uploads/* long-lived; the site\'s own compression kept', async () => {
    check(index.headers.get('content-encoding') === 'br', `The index came back with Content-Encoding ${index.headers.get('content-encoding')} (the site sends brotli itself; the proxy must not change it).`)
    const plain = await request('/')
    const asset = /\/_nuxt\/[^"'\s>]+\.js/.exec(plain.body)?.[0]
    check(asset, 'The index links no /_nuxt/*.js asset.')
    const script = await request(asset)
    check(script.status === 200, `GET ${asset} answered ${script.status}.`)
    check(script.headers.get('cache-control') === 'public, max-age=31536000, immutable', `${asset} has Cache-Control "${script.headers.get('cache-control')}".`)
    const upload = /\/uploads\/[^"'\s>?]+\.(?:jpe?g|png|webp)/.exec(plain.body)?.[0]
    check(upload, 'The index shows no image from /uploads/.')
    const image = await request(upload)
    check(image.status === 200 && /image\//.test(image.headers.get('content-type') ?? ''), `GET ${upload} answered ${image.status} ${image.headers.get('content-type')}.`)
    check(/max-age=31536000/.test(image.headers.get('cache-control') ?? ''), `${upload} has Cache-Control "${image.headers.get('cache-control')}".`)
    const gql = await request('/graphql', { method: 'POST', headers: { 'content-type': 'application/json', 'accept-encoding': 'gzip' }, body: JSON.stringify({ query: '{ posts(pagination: { pageSize: 3 }) { title } }' }) })
    check(gql.status === 200 && gql.json().data.posts.length === 3, `POST /graphql answered ${gql.status}: ${gql.body.slice(0, 200)}`)
  })

  await step('/feed.xml, /graphql and the CMS REST API (/cms/api/*) answer', async () => {
    const feed = await request('/feed.xml')
    check(feed.status === 200 && feed.body.includes('<rss'), `GET /feed.xml answered ${feed.status}: ${feed.body.slice(0, 200)}`)
    const rest = await request('/cms/api/posts?pagination[pageSize]=1')
    check(rest.status === 200 && Array.isArray(rest.json().data), `GET /cms/api/posts answered ${rest.status}: ${rest.body.slice(0, 200)}`)
    const siteApi = await request('/api/navigation')
    check(siteApi.status === 200, `The site's own GET /api/navigation answered ${siteApi.status}: ${siteApi.body.slice(0, 200)}`)
  })

  await step('A post published through the admin API (content-manager) shows on the site', async () => {
    const admin = await adminSession()
    const authors = await admin('GET', '/content-manager/collection-types/api::author.author?pageSize=1')
    check(authors.status === 200 && authors.body.results.length > 0, `Listing authors in the admin API answered ${authors.status}.`)
    const draft = await admin('POST', POSTS, {
      title: published.title,
      slug: published.slug,
      body: [{ type: 'paragraph', children: [{ type: 'text', text: 'Written and published through the reverse proxy by ./pressroom compose-test.' }] }],
      author: { connect: [{ documentId: authors.body.results[0].documentId }] },
    })
    check(draft.status === 201, `Creating a draft answered ${draft.status}: ${JSON.stringify(draft.body).slice(0, 300)}`)
    const publishedAt = Date.now()
    const publish = await admin('POST', `${POSTS}/${draft.body.data.documentId}/actions/publish`, {})
    check(publish.status === 200, `Publishing answered ${publish.status}: ${JSON.stringify(publish.body).slice(0, 300)}`)
    await waitFor('The published post on the blog index', async () => (await request('/')).body.includes(escapeHtml(published.title)), 10_000)
    timings.publishToSite = seconds(publishedAt)
    const page = await request(`/posts/${published.slug}`)
    check(page.status === 200 && page.body.includes(escapeHtml(published.title)), `GET /posts/${published.slug} answered ${page.status}.`)
    await waitFor('The published post in /feed.xml', async () => (await request('/feed.xml')).body.includes(escapeHtml(published.title)), 10_000)
    console.log(`  on the index ${timings.publishToSite} after the publish`)
  })
}

/** Which upstream addresses the proxy's JSON access log shows for `route` since the log had `skip` lines. */
function upstreamsInProxyLog(route) {
  const addresses = new Set()
  for (const name of containers('proxy')) {
    const log = execFileSync(engine.bin, ['logs', name], { env: { ...process.env, ...engine.env }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
    for (const line of log.split('\n')) {
      if (!line.startsWith('{')) continue
      try {
        const entry = JSON.parse(line)
        if (entry.route === route && entry.upstream) for (const address of entry.upstream.split(/[, :]+/)) if (/^\d+\.\d+\.\d+\.\d+$/.test(address)) addresses.add(address)
      }
      catch {}
    }
  }
  return addresses
}

async function main() {
  engine = await step('Container engine', () => {
    const detected = detectEngine(workDir)
    console.log(`  ${detected.name} (${engineOutput(detected, ['--version'])}); compose: ${detected.compose.bin} ${detected.compose.args.join(' ')}`.trimEnd())
    return detected
  })

  // Images from Docker Hub when the caller names them (NODE_IMAGE=node:24-slim …); built locally otherwise.
  const images = {
    NODE_IMAGE: process.env.NODE_IMAGE ?? LOCAL_IMAGES.node,
    NODE_BUILD_IMAGE: process.env.NODE_BUILD_IMAGE ?? LOCAL_IMAGES.nodeBuild,
    POSTGRES_IMAGE: process.env.POSTGRES_IMAGE ?? LOCAL_IMAGES.postgres,
    REDIS_IMAGE: process.env.REDIS_IMAGE ?? LOCAL_IMAGES.redis,
    PROXY_IMAGE: process.env.PROXY_IMAGE ?? LOCAL_IMAGES.nginx,
  }
  if (Object.values(images).some(image => Object.values(LOCAL_IMAGES).includes(image))) {
    await step('Base images (local, no registry needed)', () => ensureLocalImages(engine))
  }

  for (const app of ['cms', 'web']) {
    if (options['no-build'] && imageExists(engine, APP_IMAGES[app])) {
      console.log(`  ✓ ${APP_IMAGES[app]} (kept from an earlier run: --no-build)`)
      continue
    }
    const since = Date.now()
    await step(`Building the ${app} image from ${app}/Dockerfile`, () => buildAppImage(app, { NODE_IMAGE: images.NODE_IMAGE, NODE_BUILD_IMAGE: images.NODE_BUILD_IMAGE }))
    timings[`build ${app}`] = seconds(since)
  }

  await step('A throwaway .env with fresh secrets', async () => {
    const port = await freePort()
    const secrets = Object.fromEntries(Object.entries(SECRETS.cms).map(([name, generate]) => [name, generate()]))
    // A subnet of its own, so the run never collides with a real deployment's network on this machine.
    const subnet = `172.28.${200 + Math.floor(Math.random() * 50)}.0/24`
    writeEnv({
      ...secrets,
      POSTGRES_PASSWORD: SECRETS.cms.API_TOKEN_SALT(),
      PUBLIC_URL: `http://localhost:${port}`,
      PROXY_PORT: port,
      PRESSROOM_SUBNET: subnet,
      CMS_IMAGE: APP_IMAGES.cms,
      WEB_IMAGE: APP_IMAGES.web,
      ...images,
      CMS_REPLICAS: 1,
      WEB_REPLICAS: 1,
      // The optional settings docker-compose.yml reads as plain ${VAR}: empty.
      ...Object.fromEntries(['PUBLISH_WEBHOOK_URLS', 'S3_BUCKET', 'S3_REGION', 'S3_ENDPOINT', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY', 'S3_PUBLIC_URL'].map(name => [name, ''])),
    })
    console.log(`  public address http://localhost:${port}, network ${subnet}`)
    // podman-compose 1.0 creates networks without their ipam settings: create it as the compose file pins it.
    if (engine.name === 'podman') {
      check(composeFile.networks?.default?.ipam?.config?.[0]?.subnet, 'docker-compose.yml no longer pins the default network\'s subnet.')
      try {
        engineOutput(engine, ['network', 'rm', '-f', `${PROJECT}_default`])
      }
      catch {}
      engineOutput(engine, ['network', 'create', '--subnet', subnet, '--label', `io.podman.compose.project=${PROJECT}`, '--label', `com.docker.compose.project=${PROJECT}`, `${PROJECT}_default`])
    }
  })

  const stackStarted = Date.now()
  await up('Starting the stack')
  timings['first start'] = seconds(stackStarted)

  await step('Importing the demo content inside the CMS container', async () => {
    const [cms] = containers('cms')
    await engineRun(engine, ['exec', cms, 'node', 'scripts/import-posts.mjs', 'content/demo', '--only-if-empty'], { quiet: true })
  })

  await checkEverything()

  await step('down (volumes kept), then up again', async () => {
    await down({ volumes: false })
    check(containers().length === 0, `Containers left after down: ${containers().join(', ')}`)
  })
  await up('Restarting the stack')
  await step('The content is kept: the published post, the demo posts and their images', async () => {
    await checkSite('After the restart')
    const index = await request('/')
    check(index.body.includes(escapeHtml(published.title)), 'The post published before the restart is gone.')
    const upload = /\/uploads\/[^"'\s>?]+\.(?:jpe?g|png|webp)/.exec(index.body)?.[0]
    check(upload && (await request(upload)).status === 200, `The images did not survive the restart (${upload}).`)
  })

  await step('Scaling to two CMS and two site instances', async () => {
    await down({ volumes: false })
    writeEnv({ CMS_REPLICAS: 2, WEB_REPLICAS: 2 })
  })
  await up('Scaled')
  await step('Both site instances and both CMS instances answer through the proxy', async () => {
    const webs = containers('web')
    const cmses = containers('cms')
    check(webs.length === 2 && cmses.length === 2, `Expected 2 web and 2 cms containers, found ${webs.length} and ${cmses.length}.`)
    for (let i = 0; i < 12; i++) {
      check((await request(`/?page=1&n=${i}`)).status === 200, 'The index failed while scaled.')
      const gql = await request('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: `{ posts(pagination: { pageSize: ${1 + (i % 3)} }) { title } }` }) })
      check(gql.status === 200, `/graphql failed while scaled: ${gql.status}`)
    }
    const expectAll = (route, names) => {
      const seen = upstreamsInProxyLog(route)
      const addresses = names.map(containerAddress)
      const missing = names.filter((_, i) => !seen.has(addresses[i]))
      check(missing.length === 0, `The proxy sent no ${route} request to ${missing.join(', ')} (its log shows ${[...seen].join(', ') || 'none'}; containers are at ${addresses.join(', ')}).`)
      console.log(`  ${route}: ${names.map((name, i) => `${name} (${addresses[i]})`).join(' and ')} answered`)
    }
    expectAll('site', webs)
    expectAll('cms-graphql', cmses)
  })
  await step('A post published while scaled shows on both site instances (the purge reaches each through Redis)', async () => {
    const webs = containers('web')
    const direct = async (name, pathname) => (await fetch(`http://${containerAddress(name)}:3000${pathname}`, { signal: AbortSignal.timeout(15_000) })).text()
    // Both instances have the index cached before the publish.
    for (const name of webs) await direct(name, '/')
    const admin = await adminSession()
    const authors = await admin('GET', '/content-manager/collection-types/api::author.author?pageSize=1')
    const title = `Published while scaled ${Date.now().toString(36)}`
    const draft = await admin('POST', POSTS, {
      title,
      slug: `published-while-scaled-${Date.now().toString(36)}`,
      body: [{ type: 'paragraph', children: [{ type: 'text', text: 'Seen on every site instance.' }] }],
      author: { connect: [{ documentId: authors.body.results[0].documentId }] },
    })
    check(draft.status === 201, `Creating a draft answered ${draft.status}: ${JSON.stringify(draft.body).slice(0, 300)}`)
    const publish = await admin('POST', `${POSTS}/${draft.body.data.documentId}/actions/publish`, {})
    check(publish.status === 200, `Publishing answered ${publish.status}.`)
    for (const name of webs) {
      const after = await waitFor(`the post on ${name}`, async () => (await direct(name, '/')).includes(escapeHtml(title)), 10_000)
      check(after !== undefined, `${name} still showed its old index 10 s after the publish.`)
      console.log(`  ${name}: on its index ${(after / 1000).toFixed(1)} s after the publish`)
    }
  })

  const sizes = {}
  for (const [name, image] of Object.entries({ ...APP_IMAGES, postgres: images.POSTGRES_IMAGE, redis: images.REDIS_IMAGE, proxy: images.PROXY_IMAGE, node: images.NODE_IMAGE })) {
    try {
      sizes[name] = `${image} ${mb(imageSize(engine, image))}`
    }
    catch {}
  }

  if (options.keep) {
    console.log(`\n  The stack keeps running at ${env.PUBLIC_URL} (admin: compose-test@example.com / Compose-Passw0rd!).`)
    console.log(`  Stop it: cd ${projectDir} && ${Object.entries(engine.env).map(([name, value]) => `${name}=${value} `).join('')}${composeBin()} ${engine.compose.args.join(' ')} -p ${PROJECT} down -v`)
    stackUp = false
  }
  else {
    await step('down -v and cleanup', async () => {
      await down({ volumes: true })
    })
  }

  console.log('\nImage sizes:')
  for (const line of Object.values(sizes)) console.log(`  ${line}`)
  console.log('Timings:')
  for (const [name, value] of Object.entries(timings)) console.log(`  ${name}: ${value}`)
  console.log(`\ncompose-test: passed in ${seconds(started)}`)
}

let cleanedUp = false
async function cleanup() {
  if (cleanedUp) return
  cleanedUp = true
  if (stackUp && engine) {
    try {
      await compose(['down', '-t', '5', '-v'])
    }
    catch (error) {
      console.error(`  (cleanup: ${error.message})`)
    }
  }
  if (engine?.name === 'podman' && !(options.keep && exitCode === 0)) {
    try {
      engineOutput(engine, ['network', 'rm', '-f', `${PROJECT}_default`])
    }
    catch {}
  }
  if (!options.keep || exitCode !== 0) rmSync(workDir, { recursive: true, force: true })
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    console.error(`\n✗ compose-test interrupted (${signal}); cleaning up`)
    exitCode = 130
    await cleanup()
    process.exit(exitCode)
  })
}

let exitCode = 0
try {
  await main()
}
catch (error) {
  exitCode = 1
  console.error(`\n✗ compose-test failed: ${error.message}`)
  if (!(error instanceof CheckFailed)) console.error(error.stack)
  dumpLogs()
}
finally {
  await cleanup()
  if (exitCode !== 0) console.error(`compose-test: failed after ${seconds(started)}`)
}
process.exit(exitCode)
