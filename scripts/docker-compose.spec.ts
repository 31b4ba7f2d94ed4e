import { spawnSync } from 'node:child_process'
import { closeSync, cpSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { SECRETS } from './lib/env-file.mjs'

// No Docker engine runs on these machines, so the compose file is checked as data: what `docker compose up`
// would need to work, and to be safe.
const root = path.resolve(import.meta.dirname, '..')
const compose = parse(readFileSync(path.join(root, 'docker-compose.yml'), 'utf8'))
const bootstrap = readFileSync(path.join(root, 'scripts', 'bootstrap.sh'), 'utf8')

describe('docker-compose.yml', () => {
  it('runs PostgreSQL, the CMS and the site, each waiting for what it needs to be healthy', () => {
    expect(Object.keys(compose.services)).toEqual(expect.arrayContaining(['postgres', 'cms', 'web']))
    expect(compose.services.web.depends_on.cms.condition).toBe('service_healthy')
    // The site reads through the proxy, which spreads its reads over every CMS instance and retries a restarting one.
    expect(compose.services.web.environment.NUXT_CMS_GRAPHQL_URL).toBe('http://proxy:8080/graphql')
    // Image URLs sent to browsers use the public address (unless media live in a bucket), as the CMS announces.
    expect(compose.services.web.environment.NUXT_CMS_MEDIA_URL).toBe(compose.services.cms.environment.CMS_PUBLIC_URL.replace('PUBLIC_URL', 'MEDIA_URL'))
    expect(compose.services.cms.depends_on.postgres.condition).toBe('service_healthy')
    expect(compose.services.postgres.healthcheck.test.join(' ')).toContain('pg_isready')
    expect(compose.services.cms.environment.DATABASE_URL).toMatch(/^postgres:\/\/pressroom:\$\{POSTGRES_PASSWORD:\?[^}]+\}@postgres:5432\/pressroom$/)
  })

  it('wires the CMS\'s signed webhook to the site, with the same required secret on both sides', () => {
    // Through the proxy to whichever site instance; that one tells the others over Redis.
    expect(compose.services.cms.environment.SITE_WEBHOOK_URL).toBe('http://proxy:8080/api/revalidate')
    expect(compose.services.web.environment.NUXT_REDIS_URL).toBe('redis://redis:6379')
    expect(compose.services.web.environment.NUXT_WEBHOOK_SECRET).toBe(compose.services.cms.environment.SITE_WEBHOOK_SECRET)
  })

  it('wires previews: the same link secret and draft token on both sides, framed only by the CMS\'s public address', () => {
    const { cms, web } = compose.services
    expect(web.environment.NUXT_PREVIEW_SECRET).toBe(cms.environment.PREVIEW_SECRET)
    expect(web.environment.NUXT_CMS_PREVIEW_TOKEN).toBe(cms.environment.SITE_PREVIEW_TOKEN)
    expect(web.environment.NUXT_CMS_ADMIN_ORIGIN).toBe(cms.environment.CMS_PUBLIC_URL)
  })

  it('gives post.published receivers links to the site\'s public address, not the internal one', () => {
    expect(compose.services.cms.environment.SITE_PUBLIC_URL).toBe(compose.services.web.environment.NUXT_PUBLIC_SITE_URL)
    // Not ${PUBLISH_WEBHOOK_URLS:-}: podman-compose 1.0 leaves an empty default unexpanded.
    expect(compose.services.cms.environment.PUBLISH_WEBHOOK_URLS).toBe('${PUBLISH_WEBHOOK_URLS}')
  })

  it('requires every CMS secret from the environment and commits none', () => {
    for (const name of Object.keys(SECRETS.cms)) {
      expect(compose.services.cms.environment[name], name).toBe(`\${${name}:?set ${name} in .env}`)
    }
    expect(existsSync(path.join(root, '.env.example'))).toBe(true)
    const example = readFileSync(path.join(root, '.env.example'), 'utf8')
    for (const name of Object.keys(SECRETS.cms)) expect(example).toMatch(new RegExp(`^${name}=$`, 'm'))
  })

  it.each([['cms', '/_ready'], ['web', '/health']])('builds the %s image with the pinned Node and pnpm, as a non-root user, with a health check', (service, health) => {
    const dockerfile = readFileSync(path.join(root, compose.services[service].build.dockerfile), 'utf8')
    const nodeMajor = /PRESSROOM_NODE_VERSION=(\d+)\./.exec(bootstrap)![1]
    const pnpmVersion = /PRESSROOM_PNPM_VERSION=([\d.]+)/.exec(bootstrap)![1]
    // Image names are build arguments defaulting to Docker Hub's Node image (machines without it pass local ones).
    expect(dockerfile).toContain(`ARG NODE_IMAGE=node:${nodeMajor}-slim`)
    expect(dockerfile).toContain(`ARG NODE_BUILD_IMAGE=node:${nodeMajor}-slim`)
    expect(dockerfile).toMatch(/^FROM \$\{NODE_BUILD_IMAGE\} AS build$/m)
    expect(dockerfile).toMatch(/^FROM \$\{NODE_IMAGE\}$/m)
    expect(dockerfile).toContain(`pnpm@${pnpmVersion}`)
    expect(dockerfile).toMatch(/^USER node$/m)
    expect(dockerfile).toMatch(new RegExp(`HEALTHCHECK .*${health}`))
    expect(compose.services[service].build.args).toEqual({ NODE_IMAGE: '${NODE_IMAGE:-node:24-slim}', NODE_BUILD_IMAGE: '${NODE_BUILD_IMAGE:-node:24-slim}' })
  })

  it('keeps CMS uploads on a volume, and switches to an S3-compatible bucket by environment', () => {
    expect(compose.services.cms.volumes.join(' ')).toContain('/app/public/uploads')
    expect(compose.services.cms.environment.UPLOAD_PROVIDER).toBe('${UPLOAD_PROVIDER:-local}')
    for (const name of ['S3_BUCKET', 'S3_REGION', 'S3_ENDPOINT', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY', 'S3_PUBLIC_URL']) {
      expect(compose.services.cms.environment[name], name).toBe(`\${${name}}`)
    }
  })
})

describe('docker-compose.yml: the production topology', () => {
  it('puts the proxy\'s one public port in front of scalable CMS and site instances', () => {
    expect(Object.keys(compose.services)).toEqual(expect.arrayContaining(['postgres', 'redis', 'cms', 'web', 'proxy']))
    for (const [name, service] of Object.entries<Record<string, unknown>>(compose.services)) {
      expect(service.container_name, name).toBeUndefined()
      if (name !== 'proxy') expect(service.ports, name).toBeUndefined()
    }
    expect(compose.services.proxy.ports).toEqual(['${PROXY_PORT:-8080}:8080'])
    expect(compose.services.cms.deploy.replicas).toBe('${CMS_REPLICAS:-1}')
    expect(compose.services.web.deploy.replicas).toBe('${WEB_REPLICAS:-1}')
  })

  it('takes every image name from the environment, defaulting to Docker Hub\'s', () => {
    expect(compose.services.postgres.image).toBe('${POSTGRES_IMAGE:-postgres:17-alpine}')
    expect(compose.services.redis.image).toBe('${REDIS_IMAGE:-redis:7-alpine}')
    expect(compose.services.proxy.image).toBe('${PROXY_IMAGE:-nginx:1.27-alpine}')
  })

  it('shares Redis, trusts X-Forwarded-For only from the pinned compose network, and serves everything at the proxy\'s address', () => {
    const { cms, web } = compose.services
    expect(cms.environment.REDIS_URL).toBe('redis://redis:6379')
    expect(web.environment.NUXT_REDIS_URL).toBe('redis://redis:6379')
    expect(cms.environment.CMS_BEHIND_PROXY).toBe('true')
    const subnet = compose.networks.default.ipam.config[0].subnet
    expect(subnet).toMatch(/^\$\{PRESSROOM_SUBNET:-\d+\.\d+\.\d+\.\d+\/\d+\}$/)
    expect(cms.environment.CMS_TRUSTED_PROXIES).toBe(subnet)
    expect(cms.environment.CMS_PUBLIC_URL).toBe('${PUBLIC_URL:-http://localhost:8080}')
    expect(web.environment.NUXT_PUBLIC_SITE_URL).toBe(cms.environment.CMS_PUBLIC_URL)
  })

  it('runs nginx on the committed proxy/ configuration', () => {
    const { proxy } = compose.services
    expect(proxy.volumes).toContain('./proxy:/etc/pressroom-proxy:ro')
    expect(proxy.command).toEqual(['nginx', '-p', '/tmp/', '-c', '/etc/pressroom-proxy/nginx.conf', '-g', 'daemon off;'])
    expect(readFileSync(path.join(root, 'proxy', 'upstreams.conf'), 'utf8')).toMatch(/upstream pressroom_web \{[^}]*server web:3000[^}]*\}[\s\S]*upstream pressroom_cms \{[^}]*server cms:1337/)
  })

  it('documents every variable the compose file reads in .env.example', () => {
    const example = readFileSync(path.join(root, '.env.example'), 'utf8')
    const code = readFileSync(path.join(root, 'docker-compose.yml'), 'utf8').split('\n').filter(line => !line.trim().startsWith('#')).join('\n')
    const names = new Set([...code.matchAll(/\$\{([A-Z0-9_]+)[:}]/g)].map(match => match[1]!))
    for (const name of names) expect(example, name).toMatch(new RegExp(`^#? ?${name}=`, 'm'))
    // Optional settings without a default are set (empty) in the example, so docker compose does not warn.
    for (const [, name] of code.matchAll(/\$\{([A-Z0-9_]+)\}/g)) expect(example, name).toMatch(new RegExp(`^${name}=`, 'm'))
  })
})

// nginx.conf must also run outside containers, exactly as: nginx -p <dir> -c <dir>/nginx.conf (with the two include
// files next to it). Checked with the machine's nginx when it has one.
describe.skipIf(!existsSync('/usr/sbin/nginx'))('proxy/nginx.conf', () => {
  it('is a valid main configuration with every path under the prefix', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pressroom-proxy-'))
    try {
      cpSync(path.join(root, 'proxy', 'nginx.conf'), path.join(dir, 'nginx.conf'))
      writeFileSync(path.join(dir, 'upstreams.conf'), 'upstream pressroom_web { server 127.0.0.1:9; }\nupstream pressroom_cms { server 127.0.0.1:9; }\n')
      writeFileSync(path.join(dir, 'listen.conf'), `listen 127.0.0.1:${20000 + Math.floor(Math.random() * 40000)};\n`)
      // nginx opens /dev/stdout for its access log: a file, pipe or terminal works, Node's default socketpair does not.
      const output = openSync(path.join(dir, 'output'), 'w')
      const result = spawnSync('/usr/sbin/nginx', ['-t', '-q', '-p', `${dir}/`, '-c', path.join(dir, 'nginx.conf')], { stdio: ['ignore', output, output] })
      closeSync(output)
      expect(result.status, readFileSync(path.join(dir, 'output'), 'utf8')).toBe(0)
    }
    finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
