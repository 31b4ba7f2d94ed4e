import { existsSync, readFileSync } from 'node:fs'
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
    expect(compose.services.web.environment.NUXT_CMS_GRAPHQL_URL).toBe('http://cms:1337/graphql')
    // Image URLs sent to browsers use the CMS's public address, the same one the CMS itself announces.
    expect(compose.services.web.environment.NUXT_CMS_MEDIA_URL).toBe(compose.services.cms.environment.CMS_PUBLIC_URL)
    expect(compose.services.cms.depends_on.postgres.condition).toBe('service_healthy')
    expect(compose.services.postgres.healthcheck.test.join(' ')).toContain('pg_isready')
    expect(compose.services.cms.environment.DATABASE_URL).toMatch(/^postgres:\/\/pressroom:\$\{POSTGRES_PASSWORD:\?[^}]+\}@postgres:5432\/pressroom$/)
  })

  it('wires the CMS\'s signed webhook to the site, with the same required secret on both sides', () => {
    expect(compose.services.cms.environment.SITE_WEBHOOK_URL).toBe('http://web:3000/api/revalidate')
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
    expect(compose.services.cms.environment.PUBLISH_WEBHOOK_URLS).toBe('${PUBLISH_WEBHOOK_URLS:-}')
  })

  it('requires every CMS secret from the environment and commits none', () => {
    for (const name of Object.keys(SECRETS.cms)) {
      expect(compose.services.cms.environment[name], name).toBe(`\${${name}:?set ${name} in .env}`)
    }
    expect(existsSync(path.join(root, '.env.example'))).toBe(true)
    const example = readFileSync(path.join(root, '.env.example'), 'utf8')
    for (const name of Object.keys(SECRETS.cms)) expect(example).toMatch(new RegExp(`^${name}=$`, 'm'))
  })

  it.each([['cms', '/_health'], ['web', '/health']])('builds the %s image with the pinned Node and pnpm and a health check', (service, health) => {
    const dockerfile = readFileSync(path.join(root, compose.services[service].build.dockerfile), 'utf8')
    const nodeMajor = /PRESSROOM_NODE_VERSION=(\d+)\./.exec(bootstrap)![1]
    const pnpmVersion = /PRESSROOM_PNPM_VERSION=([\d.]+)/.exec(bootstrap)![1]
    expect(dockerfile).toContain(`FROM node:${nodeMajor}-slim`)
    expect(dockerfile).toContain(`pnpm@${pnpmVersion}`)
    expect(dockerfile).toMatch(new RegExp(`HEALTHCHECK .*${health}`))
  })

  it('keeps CMS uploads on a volume', () => {
    expect(compose.services.cms.volumes.join(' ')).toContain('/app/public/uploads')
  })
})
