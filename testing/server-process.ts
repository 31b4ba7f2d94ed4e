import type { ChildProcess } from 'node:child_process'
import { spawn } from 'node:child_process'

export interface RunningServer {
  url: string
  process: ChildProcess
  /** Everything the server printed so far. */
  log: () => string
  stop: () => Promise<void>
}

const MAX_LOG_CHARS = 16 * 1024 * 1024

/**
 * Starts a Node server as a child process and resolves once `healthUrl` answers 2xx; rejects with the server's
 * own output if it exits or stays silent past the deadline.
 */
export async function startServer({ name, script, args = [], cwd, env, url, healthUrl, timeoutMs }: {
  name: string
  script: string
  args?: string[]
  cwd?: string
  env: Record<string, string>
  url: string
  healthUrl: string
  timeoutMs: number
}): Promise<RunningServer> {
  const child = spawn(process.execPath, [script, ...args], { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
  // Both apps log a JSON line per request: under a benchmark's load only the most recent output is kept.
  let log = ''
  const keep = (chunk: Buffer) => {
    log += chunk
    if (log.length > MAX_LOG_CHARS) log = log.slice(-MAX_LOG_CHARS / 2)
  }
  child.stdout!.on('data', keep)
  child.stderr!.on('data', keep)
  const deadline = Date.now() + timeoutMs
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited during start-up (code ${child.exitCode}):\n${log}`)
    if (Date.now() > deadline) {
      child.kill('SIGKILL')
      throw new Error(`${name} did not answer ${healthUrl} within ${timeoutMs / 1000} s:\n${log}`)
    }
    try {
      if ((await fetch(healthUrl)).ok) break
    }
    catch {}
    await new Promise(resolve => setTimeout(resolve, 150))
  }
  return {
    url,
    process: child,
    log: () => log,
    stop: () => new Promise((resolve) => {
      if (child.exitCode !== null) return resolve()
      child.once('exit', () => resolve())
      child.kill('SIGTERM')
    }),
  }
}
