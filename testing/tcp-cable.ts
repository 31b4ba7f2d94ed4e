import type { Server, Socket } from 'node:net'
import { createConnection, createServer } from 'node:net'
import { freePort } from './cms-server'

export interface TcpCable {
  /** The local port that leads to the target while the cable is plugged in. */
  port: number
  /** Cuts every open connection and refuses new ones: the target looks down. */
  unplug: () => Promise<void>
  plug: () => Promise<void>
  close: () => Promise<void>
}

/**
 * A TCP pass-through to a real service (PostgreSQL, Redis) that a test can unplug, so an app sees its database go
 * away and come back without the test stopping a server other tests share.
 */
export async function tcpCable(targetPort: number, targetHost = '127.0.0.1'): Promise<TcpCable> {
  const port = await freePort()
  const sockets = new Set<Socket>()
  let server: Server | undefined

  const plug = () => new Promise<void>((resolve, reject) => {
    server = createServer((client) => {
      const upstream = createConnection(targetPort, targetHost)
      for (const socket of [client, upstream]) {
        sockets.add(socket)
        socket.on('close', () => sockets.delete(socket))
        socket.on('error', () => {})
      }
      client.pipe(upstream).pipe(client)
      client.on('close', () => upstream.destroy())
      upstream.on('close', () => client.destroy())
    })
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => resolve())
  })

  const unplug = () => new Promise<void>((resolve) => {
    for (const socket of sockets) socket.destroy()
    if (!server) return resolve()
    server.close(() => resolve())
    server = undefined
  })

  await plug()
  return { port, plug, unplug, close: unplug }
}
