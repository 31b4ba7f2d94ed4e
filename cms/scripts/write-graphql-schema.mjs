#!/usr/bin/env node
// Writes the GraphQL SDL the built CMS serves to <file>: the contract snapshot (packages/sdk/schema.graphql).
// Boots Strapi on a throwaway SQLite database, so it never touches real content.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createRequire } from 'node:module'

const cmsDir = path.resolve(import.meta.dirname, '..')
const out = process.argv[2]
if (!out) {
  console.error('Usage: node scripts/write-graphql-schema.mjs <file>')
  process.exit(2)
}
const scratch = mkdtempSync(path.join(os.tmpdir(), 'pressroom-schema-'))
process.env.GRAPHQL_SCHEMA_FILE = path.resolve(out)
process.env.DATABASE_CLIENT = 'sqlite'
process.env.DATABASE_FILENAME = path.join(scratch, 'schema.db')
delete process.env.DATABASE_URL
process.env.STRAPI_TELEMETRY_DISABLED = 'true'
rmSync(process.env.GRAPHQL_SCHEMA_FILE, { force: true })

const { createStrapi } = createRequire(path.join(cmsDir, 'package.json'))('@strapi/strapi')
const app = createStrapi({ appDir: cmsDir, distDir: path.join(cmsDir, 'dist') })
app.log.level = 'error'
await app.load()
// Nexus writes the file asynchronously: wait until it is there and stops changing.
let previous = ''
for (let attempt = 0; attempt < 100; attempt += 1) {
  await new Promise(resolve => setTimeout(resolve, 100))
  const current = existsSync(process.env.GRAPHQL_SCHEMA_FILE) ? readFileSync(process.env.GRAPHQL_SCHEMA_FILE, 'utf8') : ''
  if (current !== '' && current === previous) break
  previous = current
}
await app.destroy()
rmSync(scratch, { recursive: true, force: true })
if (!previous) {
  console.error('The CMS did not write its GraphQL schema.')
  process.exit(1)
}
process.exit(0)
