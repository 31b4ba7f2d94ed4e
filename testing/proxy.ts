import type { ChildProcess } from 'node:child_process'
import { spawn, spawnSync } from 'node:child_process'
import { copyFileSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { freePort } from './cms-server.ts'

const PROXY_CONFIG = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'proxy', 'nginx.conf')
export const NGINX = process.env.NGINX_PATH ?? '/usr/sbin/nginx'

export interface RunningProxy {
  url: string
  /** nginx's output: one JSON line per request, and its errors. */
  log: () => string
  stop: () => Promise<void>
}

const upstream = (name: string, addresses: string[]) =>
  `upstream ${name} {\n${addresses.map(address => `  server ${address} max_fails=0;\n`).join('')}  keepalive 16;\n}\n`

/** The repository's proxy config (proxy/nginx.conf) run by the machine's nginx, in front of the given instances. */
export async function startProxy({ web, cms, port }: { web: string[], cms: string[], port?: number }): Promise<RunningProxy> {
  if (spawnSync(NGINX, ['-v']).error) throw new Error(`The topology tests run the proxy with nginx at ${NGINX}: install Debian's package (apt-get install nginx-light) or set NGINX_PATH.`)
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pressroom-proxy-'))
  port ??= await freePort()
  const hostPort = (url: string) => new URL(url).host
  copyFileSync(PROXY_CONFIG, path.join(dir, 'nginx.conf'))
  writeFileSync(path.join(dir, 'upstreams.conf'), upstream('pressroom_web', web.map(hostPort)) + upstream('pressroom_cms', cms.map(hostPort)))
  writeFileSync(path.join(dir, 'listen.conf'), `listen 127.0.0.1:${port};\n`)
  // nginx opens /dev/stdout by name, which a socketpair (Node's 'pipe') does not allow: log to a file.
  const logFile = path.join(dir, 'nginx.log')
  const out = openSync(logFile, 'a')
  const child: ChildProcess = spawn(NGINX, ['-p', `${dir}/`, '-c', path.join(dir, 'nginx.conf'), '-g', 'daemon off;'], { stdio: ['ignore', out, out] })
  const url = `http://127.0.0.1:${port}`
  const log = () => readFileSync(logFile, 'utf8')
  const deadline = Date.now() + 10_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited during start-up (code ${child.exitCode}):\n${log()}`)
    try {
      if ((await fetch(`${url}/_proxy/health`)).ok) break
    }
    catch {}
    if (Date.now() > deadline) throw new Error(`nginx did not answer within 10 s:\n${log()}`)
    await new Promise(resolve => setTimeout(resolve, 100))
  }
  return {
    url,
    log,
    stop: () => new Promise((resolve) => {
      const done = () => {
        rmSync(dir, { recursive: true, force: true })
        resolve()
      }
      if (child.exitCode !== null) return done()
      child.once('exit', done)
      child.kill('SIGQUIT')
    }),
  }
}
