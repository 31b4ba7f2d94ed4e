import type { Server } from 'node:http'
import { createServer } from 'node:http'
import { freePort } from './cms-server.ts'

export interface ReceivedCall {
  headers: Record<string, string>
  body: string
  receivedAt: number
  /** The status this receiver answered with. */
  status: number
}

export interface WebhookReceiver {
  url: string
  calls: ReceivedCall[]
  /** Decides each answer's status; 200 unless a test says otherwise. */
  respondWith: (call: Omit<ReceivedCall, 'status'>) => number
  /** Stops listening (the CMS then sees "connection refused"); `start` listens again on the same port. */
  stop: () => Promise<void>
  start: () => Promise<void>
  /** Resolves with the first accepted call that `match` accepts, or rejects after `timeoutMs`. */
  waitFor: (match: (call: ReceivedCall) => boolean, timeoutMs?: number) => Promise<ReceivedCall>
}

/** A local HTTP endpoint standing in for a newsletter tool: records every call it gets. */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const port = await freePort()
  let server: Server | null = null
  const receiver: WebhookReceiver = {
    url: `http://127.0.0.1:${port}/hooks/pressroom`,
    calls: [],
    respondWith: () => 200,
    async start() {
      server = createServer((request, response) => {
        let body = ''
        request.setEncoding('utf8')
        request.on('data', (chunk: string) => { body += chunk })
        request.on('end', () => {
          const call = { headers: request.headers as Record<string, string>, body, receivedAt: Date.now() }
          const status = receiver.respondWith(call)
          receiver.calls.push({ ...call, status })
          response.writeHead(status, { 'content-type': 'text/plain' }).end(status < 300 ? 'ok' : 'not now')
        })
      })
      await new Promise<void>(resolve => server!.listen(port, '127.0.0.1', resolve))
    },
    async stop() {
      const closing = server
      server = null
      if (!closing) return
      const closed = new Promise<void>(resolve => closing.close(() => resolve()))
      closing.closeAllConnections()
      await closed
    },
    async waitFor(match, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs
      for (;;) {
        const call = receiver.calls.find(candidate => candidate.status < 300 && match(candidate))
        if (call) return call
        if (Date.now() > deadline) throw new Error(`No accepted webhook call matched within ${timeoutMs} ms (${receiver.calls.length} calls received).`)
        await new Promise(resolve => setTimeout(resolve, 20))
      }
    },
  }
  await receiver.start()
  return receiver
}
