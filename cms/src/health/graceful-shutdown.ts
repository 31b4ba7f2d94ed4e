import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import type { Core } from '@strapi/strapi'

const SIGNALS = ['SIGTERM', 'SIGINT'] as const

/** How long in-flight requests get to finish after SIGTERM (SHUTDOWN_TIMEOUT_SECONDS, default 10). */
export function shutdownTimeoutMs(env: NodeJS.ProcessEnv = process.env): number {
  const seconds = Number(env.SHUTDOWN_TIMEOUT_SECONDS ?? 10)
  if (!Number.isFinite(seconds) || seconds < 0 || seconds > 300)
    throw new Error(`SHUTDOWN_TIMEOUT_SECONDS must be a number of seconds from 0 to 300; got "${env.SHUTDOWN_TIMEOUT_SECONDS}".`)
  return seconds * 1000
}

let draining = false

/** True from the moment a stop signal arrives: readiness answers 503 so no balancer sends new work. */
export const isDraining = () => draining

/** Resolves true once every connection has closed, false if some were still busy at the deadline (then cut). */
async function drain(server: Server, timeoutMs: number): Promise<boolean> {
  // Requests still arriving on open keep-alive connections are served, and told the connection closes after them.
  server.on('request', (_request: IncomingMessage, response: ServerResponse) => {
    if (!response.headersSent) response.setHeader('connection', 'close')
  })
  const closed = new Promise<boolean>(resolve => server.close(() => resolve(true)))
  const closeIdle = setInterval(() => server.closeIdleConnections(), 50)
  const deadline = new Promise<boolean>(resolve => setTimeout(resolve, timeoutMs, false).unref())
  const finished = await Promise.race([closed, deadline])
  clearInterval(closeIdle)
  if (!finished) server.closeAllConnections()
  return finished
}

/**
 * On SIGTERM or SIGINT: stop accepting connections, let the requests in flight finish (bounded), and only then run
 * Strapi's own shutdown and exit 0. Strapi's built-in handler, replaced here, cuts every open connection at once and
 * closes the database under running requests.
 */
export function shutDownGracefully(strapi: Core.Strapi): void {
  const timeoutMs = shutdownTimeoutMs()
  const onSignal = (signal: string) => {
    if (draining) return
    draining = true
    strapi.log.info(`[shutdown] ${signal}: no new connections; finishing the requests in flight (at most ${timeoutMs / 1000} s)`)
    void drain(strapi.server.httpServer, timeoutMs)
      .then(async (finished) => {
        if (!finished) strapi.log.warn(`[shutdown] requests still running after ${timeoutMs / 1000} s were cut off`)
        await strapi.destroy()
        process.exit(0)
      })
      .catch((error: unknown) => {
        strapi.log.error(`[shutdown] ${error instanceof Error ? error.message : String(error)}`)
        process.exit(1)
      })
  }
  for (const signal of SIGNALS) {
    process.removeAllListeners(signal)
    process.on(signal, onSignal)
  }
}
