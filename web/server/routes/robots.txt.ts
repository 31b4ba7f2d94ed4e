// GET /robots.txt — everything may be crawled except the site's JSON API.
export default defineEventHandler((event) => {
  setResponseHeader(event, 'content-type', 'text/plain; charset=utf-8')
  return 'User-agent: *\nAllow: /\nDisallow: /api/\n'
})
