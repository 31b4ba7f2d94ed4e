// Lets the machine go quiet between measurements, so no row is measured against the previous row's backlog.
import { readFileSync } from 'node:fs'

/** Idle and total CPU time of the whole machine so far (Linux's /proc/stat). */
function cpuTimes() {
  const [, ...fields] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).map(Number)
  return { idle: fields[3] + fields[4], total: fields.reduce((sum, value) => sum + value, 0) }
}

/**
 * Waits (up to 30 s) until the machine is mostly idle for a second: after a cache-bypassing load the site is still
 * rendering the requests wrk gave up on, and the next row must not be measured against that backlog.
 */
export async function settle() {
  const deadline = Date.now() + 30_000
  for (let idleWindows = 0; idleWindows < 2 && Date.now() < deadline;) {
    const before = cpuTimes()
    await new Promise(resolve => setTimeout(resolve, 500))
    const after = cpuTimes()
    idleWindows = (after.idle - before.idle) / (after.total - before.total) > 0.8 ? idleWindows + 1 : 0
  }
}

