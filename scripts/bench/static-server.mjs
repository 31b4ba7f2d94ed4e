// The site benchmark's baseline: one Node process with node:http serving fixed bytes from memory — the fastest a
// Node server can answer these pages. Usage: node static-server.mjs <port> <route>=<file>[=<content-encoding>|=<headers.json>] …
// A route with an encoding (br) is sent with that Content-Encoding: the same compressed bytes the site sends. A route
// with a headers file is sent with exactly those headers (the site's own: CSP, security headers, ETag, Vary…).
import { readFileSync } from 'node:fs'
import http from 'node:http'

const [port, ...routes] = process.argv.slice(2)
const pages = new Map(routes.map((route) => {
  const [pathname, file, extra] = route.split('=')
  const body = readFileSync(file)
  if (extra?.endsWith('.json')) return [pathname, { body, headers: JSON.parse(readFileSync(extra, 'utf8')) }]
  const headers = { 'content-type': 'text/html;charset=utf-8', 'content-length': body.length }
  if (extra) Object.assign(headers, { 'content-encoding': extra, 'vary': 'Accept-Encoding' })
  return [pathname, { body, headers }]
}))

http.createServer((request, response) => {
  const page = pages.get(request.url.split('?')[0])
  if (!page) {
    response.writeHead(404).end()
    return
  }
  response.writeHead(200, page.headers).end(page.body)
}).listen(Number(port), '127.0.0.1')
