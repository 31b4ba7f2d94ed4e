// HTTP load with wrk (Debian's package): a C load generator that, unlike autocannon, does not saturate a core
// before a static Node server does on these 2 cores.
import { mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { ensureDebianPackage } from '../lib/debian-package.mjs'
import { run } from '../lib/steps.mjs'

// Each request asks for a URL the page cache has never seen (?bench-bypass=<thread>-<n>), so the site renders it.
const BYPASS_SCRIPT = `
local threads = 0
function setup(thread) threads = threads + 1; thread:set("id", threads) end
local n = 0
function request() n = n + 1; return wrk.format(nil, wrk.path .. "?bench-bypass=" .. id .. "-" .. n) end
`

const UNIT_MS = { us: 0.001, ms: 1, s: 1000 }
const duration = (value, unit) => Number(value) * UNIT_MS[unit]

/** Parses wrk's `--latency` report. */
export function parseWrk(output) {
  const percentile = p => {
    const match = new RegExp(`^\\s+${p}%\\s+([\\d.]+)(us|ms|s)\\s*$`, 'm').exec(output)
    return match ? duration(match[1], match[2]) : Number.NaN
  }
  const requests = Number(/(\d+) requests in/.exec(output)?.[1] ?? 0)
  const non2xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(output)?.[1] ?? 0)
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(output)
  const socketErrors = socket ? socket.slice(1).reduce((sum, count) => sum + Number(count), 0) : 0
  return { rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(output)?.[1] ?? 0), p50: percentile(50), p99: percentile(99), requests, errors: non2xx + socketErrors }
}

/** @returns {Promise<{ rps: number, p50: number, p99: number, requests: number, errors: number }>} */
export async function wrk({ url, connections = 50, seconds = 10, warmupSeconds = 2, bypassCache = false }) {
  const binary = await ensureDebianPackage('wrk', '/usr/bin/wrk')
  const threads = String(Math.min(2, connections))
  const args = ['-t', threads, '-c', String(connections), '--latency']
  if (bypassCache) {
    const script = path.join(mkdtempSync(path.join(os.tmpdir(), 'pressroom-wrk-')), 'bypass.lua')
    writeFileSync(script, BYPASS_SCRIPT)
    args.push('-s', script)
  }
  await run(binary, [...args, '-d', `${warmupSeconds}s`, url], { quiet: true })
  return parseWrk(await run(binary, [...args, '-d', `${seconds}s`, url], { quiet: true }))
}
