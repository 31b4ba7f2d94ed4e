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
// A POST with a JSON body (GraphQL), read from a file next to the script.
const postScript = bodyFile => `
wrk.method = "POST"
wrk.headers["content-type"] = "application/json"
local file = io.open("${bodyFile}", "rb"); wrk.body = file:read("*a"); file:close()
`
// wrk's report has no 95th percentile; its Lua API does.
const PERCENTILES = `
function done(summary, latency, requests)
  io.write(string.format("pressroom-percentiles %d %d %d\\n", latency:percentile(50), latency:percentile(95), latency:percentile(99)))
end
`

const UNIT_MS = { us: 0.001, ms: 1, s: 1000 }
const duration = (value, unit) => Number(value) * UNIT_MS[unit]

/** Parses wrk's `--latency` report; with `redirects`, 3xx answers are the expected ones, not errors. */
export function parseWrk(output, { redirects = false } = {}) {
  const percentile = p => {
    const match = new RegExp(`^\\s+${p}%\\s+([\\d.]+)(us|ms|s)\\s*$`, 'm').exec(output)
    return match ? duration(match[1], match[2]) : Number.NaN
  }
  const requests = Number(/(\d+) requests in/.exec(output)?.[1] ?? 0)
  const non2xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(output)?.[1] ?? 0)
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(output)
  const socketErrors = socket ? socket.slice(1).reduce((sum, count) => sum + Number(count), 0) : 0
  // Microseconds from our done() hook, when present: adds p95.
  const exact = /pressroom-percentiles (\d+) (\d+) (\d+)/.exec(output)
  const [p50, p95, p99] = exact ? exact.slice(1).map(us => Number(us) / 1000) : [percentile(50), Number.NaN, percentile(99)]
  const [connect, read, write, timeout] = socket ? socket.slice(1).map(Number) : [0, 0, 0, 0]
  return { rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(output)?.[1] ?? 0), p50, p95, p99, requests, errors: (redirects ? 0 : non2xx) + socketErrors, errorKinds: { non2xx: redirects ? 0 : non2xx, connect, read, write, timeout } }
}

/**
 * `body` makes every request a POST of that JSON; `bypassCache` gives every request a never-seen URL; `redirects`
 * loads an address that answers 3xx; `headers` are sent with every request (e.g. Accept-Encoding); a request without
 * an answer after `timeoutSeconds` (wrk's default, 2) counts as a timeout.
 * @returns {Promise<{ rps: number, p50: number, p95: number, p99: number, requests: number, errors: number }>}
 */
export async function wrk({ url, connections = 50, seconds = 10, warmupSeconds = 2, bypassCache = false, body, redirects = false, headers = {}, timeoutSeconds = 2 }) {
  const binary = await ensureDebianPackage('wrk', '/usr/bin/wrk')
  const threads = String(Math.min(2, connections))
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pressroom-wrk-'))
  let lua = PERCENTILES
  if (bypassCache) lua += BYPASS_SCRIPT
  if (body !== undefined) {
    writeFileSync(path.join(dir, 'body.json'), body)
    lua += postScript(path.join(dir, 'body.json'))
  }
  writeFileSync(path.join(dir, 'load.lua'), lua)
  const args = ['-t', threads, '-c', String(connections), '--timeout', `${timeoutSeconds}s`, '--latency', '-s', path.join(dir, 'load.lua'), ...Object.entries(headers).flatMap(([name, value]) => ['-H', `${name}: ${value}`])]
  if (warmupSeconds > 0) await run(binary, [...args, '-d', `${warmupSeconds}s`, url], { quiet: true })
  return parseWrk(await run(binary, [...args, '-d', `${seconds}s`, url], { quiet: true }), { redirects })
}
