// The GraphQL contract: the SDL the CMS serves (packages/sdk/schema.graphql) and the typed documents codegen
// makes from it (packages/sdk/src/generated). Both are committed.
//   --write  regenerate both in place (after changing a content type or an operation document)
//   --check  regenerate into a temp folder and fail if the committed copies differ
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { buildCms, CMS_DIR, ROOT } from './lib/build.mjs'
import { run } from './lib/steps.mjs'

const SDK_DIR = path.join(ROOT, 'packages', 'sdk')
const COMMITTED_SCHEMA = path.join(SDK_DIR, 'schema.graphql')
const COMMITTED_GENERATED = path.join(SDK_DIR, 'src', 'generated')
const mode = process.argv.includes('--write') ? 'write' : 'check'

async function generate(schemaFile, generatedDir) {
  await run('node', ['scripts/write-graphql-schema.mjs', schemaFile], { cwd: CMS_DIR, quiet: true })
  const { generate: codegen } = createRequire(path.join(SDK_DIR, 'package.json'))('@graphql-codegen/cli')
  const { default: config } = await import(path.join(SDK_DIR, 'codegen.ts'))
  const [target] = Object.values(config.generates)
  const cwd = process.cwd()
  process.chdir(SDK_DIR)
  try {
    await codegen({ ...config, schema: schemaFile, generates: { [`${generatedDir}/`]: target }, silent: true }, true)
  }
  finally {
    process.chdir(cwd)
  }
}

function differences(expectedDir, actualDir) {
  const names = new Set([...readdirSync(expectedDir), ...(existsSync(actualDir) ? readdirSync(actualDir) : [])])
  return [...names].filter((name) => {
    const a = path.join(expectedDir, name)
    const b = path.join(actualDir, name)
    return !existsSync(a) || !existsSync(b) || readFileSync(a, 'utf8') !== readFileSync(b, 'utf8')
  })
}

if (mode === 'write') {
  // The schema comes from the built CMS, so build it (skipped when unchanged) with the packages it needs — not the
  // sdk, whose generated code is what this writes.
  await run('pnpm', ['--filter', '@pressroom/types', '--filter', '@pressroom/richtext', '--sequential', 'run', 'build'], { cwd: ROOT, quiet: true })
  await buildCms()
  await generate(COMMITTED_SCHEMA, COMMITTED_GENERATED)
  console.log('Wrote packages/sdk/schema.graphql and packages/sdk/src/generated/. Commit both.')
}
else {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'pressroom-contract-'))
  try {
    await generate(path.join(scratch, 'schema.graphql'), path.join(scratch, 'generated'))
    const stale = []
    if (readFileSync(path.join(scratch, 'schema.graphql'), 'utf8') !== readFileSync(COMMITTED_SCHEMA, 'utf8')) stale.push('packages/sdk/schema.graphql')
    stale.push(...differences(path.join(scratch, 'generated'), COMMITTED_GENERATED).map(name => `packages/sdk/src/generated/${name}`))
    if (stale.length > 0) {
      console.error(`The GraphQL contract is out of date: ${stale.join(', ')} differ from what the CMS and codegen produce now.\nRun \`./pressroom contract\` and commit the result.`)
      process.exit(1)
    }
    console.log('  GraphQL contract is up to date (schema snapshot and typed documents).')
  }
  finally {
    rmSync(scratch, { recursive: true, force: true })
  }
}
