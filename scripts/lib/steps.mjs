// Progress output for long steps, and child processes that stream their output.
import { spawn } from 'node:child_process'

const bold = text => (process.stdout.isTTY ? `\x1b[1m${text}\x1b[0m` : text)

/** Runs `fn`, printing "▸ title" before and "✓ title (1.2 s)" after. */
export async function step(title, fn) {
  console.log(bold(`▸ ${title}`))
  const started = Date.now()
  const result = await fn()
  console.log(`  ✓ ${title} (${((Date.now() - started) / 1000).toFixed(1)} s)`)
  return result
}

/**
 * Runs a command, streaming its output (prefixed, unless `quiet` — then shown only on failure).
 * Rejects with a message naming the command when it exits non-zero.
 */
export function run(command, args, { cwd, env, quiet = false, prefix = '  │ ' } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    const forward = (chunk) => {
      output += chunk
      if (!quiet) process.stdout.write(String(chunk).replace(/^(?=.)/gm, prefix))
    }
    child.stdout.on('data', forward)
    child.stderr.on('data', forward)
    child.on('error', reject)
    child.on('close', (code) => {
      if (code === 0) return resolve(output)
      if (quiet) process.stdout.write(output.replace(/^(?=.)/gm, prefix))
      reject(new Error(`\`${[command, ...args].join(' ')}\` failed (exit code ${code}).`))
    })
  })
}
