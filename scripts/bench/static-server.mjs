// The site benchmark's baseline: one Node process with node:http serving fixed HTML bytes from memory — the
// fastest a Node server can answer these pages. Usage: node static-server.mjs <port> <route>=<file> …
import { readFileSync } from 'node:fs'
import http from 'node:http'

const [port, ...routes] = process.argv.slice(2)
const pages = new Map(routes.map((route) => {
  const [pathname, file] = route.split('=')
  return [pathname, readFileSync(file)]
}))

http.createServer((request, response) => {
  const body = pages.get(request.url.split('?')[0])
  if (!body) {
    response.writeHead(404).end()
    return
  }
  response.writeHead(200, { 'content-type': 'text/html;charset=utf-8', 'content-length': body.length }).end(body)
}).listen(Number(port), '127.0.0.1')
