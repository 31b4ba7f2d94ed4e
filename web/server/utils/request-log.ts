import { AsyncLocalStorage } from 'node:async_hooks'
import { randomUUID } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'

/** A request id a client or the proxy sent is kept when it looks like one; anything else is replaced. */
const SANE_ID = /^[\w.:-]{8,128}$/
const requestIds = new AsyncLocalStorage<string>()

/** The id of the request being handled, for the CMS calls it makes (sent as x-request-id). */
export const currentRequestId = () => requestIds.getStore()

// A reader of the site's output that went away (EPIPE) must not take the site down: an unhandled stream error
// becomes an uncaught exception, whose report fails on the same dead stream, and so on without end.
let stdoutGone = false
process.stdout.on('error', () => { stdoutGone = true })
process.stderr.on('error', () => {})

let pending: string[] = []
let pendingBytes = 0
let flushTimer: NodeJS.Timeout | undefined

/** Lines go out in batches (at most 50 ms late): one write per batch, not a blocking write per request. */
export function flushRequestLog(): void {
  clearTimeout(flushTimer)
  flushTimer = undefined
  if (pending.length === 0) return
  if (!stdoutGone) process.stdout.write(pending.join(''))
  pending = []
  pendingBytes = 0
}

function writeLine(line: string): void {
  pending.push(line)
  pendingBytes += line.length
  if (pendingBytes >= 32 * 1024) flushRequestLog()
  else flushTimer ??= setTimeout(flushRequestLog, 50).unref()
}

/**
 * Gives a visitor's request its id (x-request-id in and out) and logs one JSON line when the response is finished:
 * time, app, request id, method, path (never the query string: preview tokens travel there), status and duration.
 * No headers, cookies or bodies are logged. Returns the id.
 */
export function logRequest(request: IncomingMessage, response: ServerResponse): string {
  const started = performance.now()
  const given = request.headers['x-request-id']
  const id = typeof given === 'string' && SANE_ID.test(given) ? given : randomUUID()
  response.setHeader('x-request-id', id)
  response.once('finish', () => {
    const url = request.url ?? '/'
    const query = url.indexOf('?')
    writeLine(`${JSON.stringify({
      time: new Date().toISOString(),
      app: 'web',
      requestId: id,
      method: request.method,
      path: query === -1 ? url : url.slice(0, query),
      status: response.statusCode,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
    })}\n`)
  })
  return id
}

/** Runs `handle` with the request's id as the current one, for the CMS calls it makes. */
export const withRequestId = <T>(id: string, handle: () => T): T => requestIds.run(id, handle)
