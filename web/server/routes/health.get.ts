// GET /health — for load balancers and the test harness: the site process is up (the CMS may not be).
export default defineEventHandler(() => 'ok')
