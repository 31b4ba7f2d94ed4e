// Tools that come from Debian's packages (wrk for load, Chromium for browsers): installed on first use when the
// machine lets us (root with apt-get), otherwise a clear message saying what to install.
import { existsSync } from 'node:fs'
import { run, step } from './steps.mjs'

export async function ensureDebianPackage(pkg, binary) {
  if (existsSync(binary)) return binary
  if (process.getuid?.() !== 0 || !existsSync('/usr/bin/apt-get')) {
    throw new Error(`${binary} is missing. Install Debian's ${pkg} package: sudo apt-get install ${pkg}`)
  }
  await step(`Installing ${pkg} from Debian's packages`, async () => {
    await run('apt-get', ['update', '-qq'], { quiet: true })
    await run('apt-get', ['install', '-y', '-qq', pkg], { quiet: true, env: { DEBIAN_FRONTEND: 'noninteractive' } })
  })
  return binary
}
