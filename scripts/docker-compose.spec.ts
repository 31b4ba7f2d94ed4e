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
  it('runs PostgreSQL and the CMS, the CMS waiting for a healthy database', () => {
    expect(Object.keys(compose.services)).toEqual(expect.arrayContaining(['postgres', 'cms']))
    expect(compose.services.cms.depends_on.postgres.condition).toBe('service_healthy')
    expect(compose.services.postgres.healthcheck.test.join(' ')).toContain('pg_isready')
    expect(compose.services.cms.environment.DATABASE_URL).toMatch(/^postgres:\/\/pressroom:\$\{POSTGRES_PASSWORD:\?[^}]+\}@postgres:5432\/pressroom$/)
  })

  it('requires every CMS secret from the environment and commits none', () => {
    for (const name of Object.keys(SECRETS.cms)) {
      expect(compose.services.cms.environment[name], name).toBe(`\${${name}:?set ${name} in .env}`)
    }
    expect(existsSync(path.join(root, '.env.example'))).toBe(true)
    const example = readFileSync(path.join(root, '.env.example'), 'utf8')
    for (const name of Object.keys(SECRETS.cms)) expect(example).toMatch(new RegExp(`^${name}=$`, 'm'))
  })

  it('builds the CMS image with the Node and pnpm versions the project pins', () => {
    const dockerfile = readFileSync(path.join(root, compose.services.cms.build.dockerfile), 'utf8')
    const nodeMajor = /PRESSROOM_NODE_VERSION=(\d+)\./.exec(bootstrap)![1]
    const pnpmVersion = /PRESSROOM_PNPM_VERSION=([\d.]+)/.exec(bootstrap)![1]
    expect(dockerfile).toContain(`FROM node:${nodeMajor}-slim`)
    expect(dockerfile).toContain(`pnpm@${pnpmVersion}`)
    expect(dockerfile).toMatch(/HEALTHCHECK .*\/_health/)
    expect(compose.services.cms.volumes.join(' ')).toContain('/app/public/uploads')
  })
})
