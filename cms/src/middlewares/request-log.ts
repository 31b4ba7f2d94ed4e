import { randomUUID } from 'node:crypto'

interface KoaContext {
  method: string
  path: string
  status: number
  get: (header: string) => string
  set: (header: string, value: string) => void
  state: Record<string, unknown>
}

// A reader of the CMS's output that went away (EPIPE) must not take it down: an unhandled stream error becomes an
// uncaught exception, whose report fails on the same dead stream, and so on without end.
let stdoutGone = false
process.stdout.on('error', () => { stdoutGone = true })
process.stderr.on('error', () => {})

/** A request id the site or the proxy sent is kept when it looks like one; anything else is replaced. */
const SANE_ID = /^[\w.:-]{8,128}$/

/**
 * One JSON line per request on stdout, in place of Strapi's text logger: time, app, request id (the caller's
 * x-request-id, so a visitor's request can be followed from the site into the CMS, else a new one, sent back), method,
 * path (never the query string), status and duration. No headers, tokens, cookies or bodies are logged.
 */
export default () => async (ctx: KoaContext, next: () => Promise<void>) => {
  const started = performance.now()
  const given = ctx.get('x-request-id')
  const requestId = SANE_ID.test(given) ? given : randomUUID()
  ctx.state.requestId = requestId
  ctx.set('X-Request-Id', requestId)
  try {
    await next()
  }
  finally {
    if (!stdoutGone) process.stdout.write(`${JSON.stringify({
      time: new Date().toISOString(),
      app: 'cms',
      requestId,
      method: ctx.method,
      path: ctx.path,
      status: ctx.status,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
    })}\n`)
  }
}
