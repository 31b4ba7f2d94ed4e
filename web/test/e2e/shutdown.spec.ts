import { createHmac } from 'node:crypto'
import { describe, expect, inject, it } from 'vitest'
import { requestInFlight } from '../../../testing/request-in-flight'
import { startWeb, TEST_WEBHOOK_SECRET } from '../../../testing/web-server'

// What a rolling restart relies on: a stopped site instance finishes what it accepted, takes nothing new, exits 0.
describe('stopping the site (SIGTERM)', () => {
  it('finishes the requests in flight, refuses new connections, and exits 0', async () => {
    const web = await startWeb(inject('e2eCmsUrl'))
    const body = JSON.stringify({ event: 'entry.update', model: 'post' })
    const signature = `sha256=${createHmac('sha256', TEST_WEBHOOK_SECRET).update(body).digest('hex')}`
    const inFlight = await requestInFlight(`${web.url}/api/revalidate`, body, { 'x-pressroom-signature': signature })
    const exited = new Promise<number | null>(resolve => web.process.once('exit', code => resolve(code)))
    web.process.kill('SIGTERM')
    await new Promise(resolve => setTimeout(resolve, 300))

    await expect(fetch(`${web.url}/health`)).rejects.toThrow()
    expect((await inFlight.finish()).status).toBe(204)
    expect(await exited).toBe(0)
  })

  it('keeps serving, and stops on SIGTERM, after whoever read its log has gone away', async () => {
    const web = await startWeb(inject('e2eCmsUrl'))
    web.process.stdout!.destroy()
    web.process.stderr!.destroy()
    for (let i = 0; i < 5; i += 1) expect((await fetch(`${web.url}/`)).status).toBe(200)
    await new Promise(resolve => setTimeout(resolve, 300)) // its request log is written into the closed pipe
    expect((await fetch(`${web.url}/health`)).status).toBe(200)
    const exited = new Promise<number | null>(resolve => web.process.once('exit', code => resolve(code)))
    web.process.kill('SIGTERM')
    expect(await exited).toBe(0)
  })
})
