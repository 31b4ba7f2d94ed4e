import { execFile } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, inject, it } from 'vitest'

// The Nu HTML Checker (the W3C's validator, vnu.jar from npm, run on the machine's Java) over every kind of page.
const vnuJar: string = createRequire(import.meta.url)('vnu-jar')
const PAGES = {
  'index': '/',
  'index, page 2': '/?page=2',
  'post': '/posts/protecting-your-idea-before-you-talk-to-manufacturers',
  'post with hostile HTML': '/posts/hostile-html-in-the-body',
  'category': '/categories/patents',
  'all topics': '/categories',
  'author': '/authors/claire-huang',
  'search results': '/search?q=patent',
  'search without results': '/search?q=zzzqqq',
  'search page': '/search',
  'about': '/about',
  'contact': '/contact',
  'privacy': '/privacy',
  'developers': '/developers',
  '404': '/posts/no-such-post',
  '400': '/?page=abc',
}

interface VnuMessage { type: string, url: string, lastLine?: number, message: string, extract?: string }

describe('valid HTML', () => {
  it('the Nu HTML Checker finds no error on any page type', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'pressroom-vnu-'))
    const files = new Map<string, string>()
    for (const [name, address] of Object.entries(PAGES)) {
      const response = await fetch(`${inject('siteUrl')}${address}`, { headers: { accept: 'text/html' } })
      expect(response.status, address).toBe(name === '404' ? 404 : name === '400' ? 400 : 200)
      const file = path.join(dir, `${name.replaceAll(/\W+/g, '-')}.html`)
      writeFileSync(file, await response.text())
      files.set(`file:${file}`, `${name} (${address})`)
    }
    const { stdout, stderr } = await promisify(execFile)('java', ['-jar', vnuJar, '--errors-only', '--format', 'json', '--exit-zero-always', ...[...files.keys()].map(url => url.slice(5))], { maxBuffer: 16 * 1024 * 1024 })
    const { messages } = JSON.parse(stderr || stdout) as { messages: VnuMessage[] }
    const errors = messages.filter(message => message.type === 'error').map(message => `${files.get(message.url) ?? message.url}:${message.lastLine}: ${message.message} — ${message.extract ?? ''}`)
    expect(errors).toEqual([])
  })
})
