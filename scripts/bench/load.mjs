// One load measurement with autocannon: a fixed number of connections for a fixed time after a warm-up.
// Requests go only to the loopback server under test.
import autocannon from 'autocannon'

/** @returns {Promise<{ rps: number, p50: number, p99: number, requests: number, errors: number }>} */
export async function measure({ url, method = 'GET', headers = {}, body, connections = 10, seconds = 10, warmupSeconds = 2 }) {
  const options = { url, method, headers, body, connections }
  await autocannon({ ...options, duration: warmupSeconds })
  const result = await autocannon({ ...options, duration: seconds })
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors + result.timeouts + result.non2xx,
  }
}
