import { execFile } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, describe, expect, inject, it } from 'vitest'

// A third party's project: the sdk and its types packed as npm would publish them, installed into a folder
// outside the monorepo (no workspace links), type-checked under strict TypeScript and run against the real API.
const run = promisify(execFile)
const root = path.resolve(import.meta.dirname, '..', '..', '..')
const project = mkdtempSync(path.join(os.tmpdir(), 'pressroom-sdk-user-'))

afterAll(() => rmSync(project, { recursive: true, force: true }))

const APP = `import { createClient, NotFoundError, type PostSummary } from '@pressroom/sdk'

declare const process: { argv: string[] } // no @types/node in this project: the sdk must not need it

const blog = createClient({ url: process.argv[2]! })
const page = await blog.listPosts({ pageSize: 2 })
const titles: string[] = page.items.map((post: PostSummary) => post.title)
const missing = await blog.getPost('no-such-post').catch((error: unknown) => error instanceof NotFoundError)
console.log(JSON.stringify({ total: page.total, titles, missing }))
`

describe('@pressroom/sdk outside the monorepo', () => {
  it('packs, installs from its tarball, type-checks and queries the API', async () => {
    for (const pkg of ['types', 'sdk']) await run('pnpm', ['pack', '--pack-destination', project], { cwd: path.join(root, 'packages', pkg) })
    const tarball = (name: string) => `file:./${readdirSync(project).find(file => file.startsWith(`pressroom-${name}-`))}`
    writeFileSync(path.join(project, 'package.json'), JSON.stringify({
      name: 'newsletter-integration',
      private: true,
      type: 'module',
      dependencies: { '@pressroom/sdk': tarball('sdk'), '@pressroom/types': tarball('types') },
      // Until @pressroom/types is on the registry, the sdk's dependency on it resolves to the tarball.
      overrides: { '@pressroom/types': tarball('types') },
    }))
    writeFileSync(path.join(project, 'app.ts'), APP)
    writeFileSync(path.join(project, 'tsconfig.json'), JSON.stringify({
      compilerOptions: { target: 'ES2023', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, lib: ['ES2023', 'DOM'], types: [] },
      files: ['app.ts'],
    }))
    // npm, as most third parties use it.
    await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: project })
    const installed = readdirSync(path.join(project, 'node_modules', '@pressroom'))
    expect(installed.sort()).toEqual(['sdk', 'types'])

    // The monorepo's own TypeScript compiler, over the installed package's declarations.
    const typeCheck = await run(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', project]).catch((error: { stdout: string }) => ({ stdout: error.stdout }))
    expect(typeCheck.stdout).toBe('')
    const { stdout } = await run(process.execPath, ['--experimental-strip-types', 'app.ts', `${inject('cmsUrl')}/graphql`], { cwd: project })
    const result = JSON.parse(stdout) as { total: number, titles: string[], missing: boolean }
    expect(result.total).toBeGreaterThan(100)
    expect(result.titles).toHaveLength(2)
    expect(result.missing).toBe(true)
  }, 120_000)
})
