import { request } from 'node:http'

export interface RequestInFlight {
  /** Sends the rest of the body; resolves with what the server answered. */
  finish: () => Promise<{ status: number, body: string }>
}

/**
 * A POST whose headers and first half of the body have reached the server, the rest still to come: a request the
 * server has accepted and not yet answered, for as long as the test likes (a graceful shutdown must wait for it).
 */
export async function requestInFlight(url: string, body: string, headers: Record<string, string> = {}): Promise<RequestInFlight> {
  const half = Math.floor(body.length / 2)
  const outgoing = request(url, { method: 'POST', agent: false, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers } })
  const answered = new Promise<{ status: number, body: string }>((resolve, reject) => {
    outgoing.on('response', (response) => {
      let text = ''
      response.setEncoding('utf8')
      response.on('data', (chunk: string) => { text += chunk })
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }))
      response.on('error', reject)
    })
    outgoing.on('error', reject)
  })
  answered.catch(() => {})
  await new Promise<void>(resolve => outgoing.write(body.slice(0, half), () => resolve()))
  // Let the server parse the headers before anything else happens.
  await new Promise(resolve => setTimeout(resolve, 200))
  return {
    finish: () => {
      outgoing.end(body.slice(half))
      return answered
    },
  }
}
