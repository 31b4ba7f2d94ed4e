import { describe, expect, it } from 'vitest'
import { parseWrk } from './wrk.mjs'

const REPORT = `Running 5s test @ http://127.0.0.1:3000/
  2 threads and 50 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     2.41ms    1.02ms  25.10ms   91.00%
    Req/Sec    10.12k     1.20k   12.00k    70.00%
  Latency Distribution
     50%  850.00us
     75%    2.50ms
     90%    3.10ms
     99%    1.20s
  100734 requests in 5.00s, 1.45GB read
  Socket errors: connect 0, read 1, write 0, timeout 3
  Non-2xx or 3xx responses: 2
Requests/sec:  20146.80
Transfer/sec:    296.10MB
`

describe('parseWrk', () => {
  it('reads throughput, percentiles in any unit as milliseconds, and every kind of error', () => {
    expect(parseWrk(REPORT)).toEqual({ rps: 20146.8, p50: 0.85, p95: Number.NaN, p99: 1200, requests: 100734, errors: 6, errorKinds: { non2xx: 2, connect: 0, read: 1, write: 0, timeout: 3 } })
  })

  it('prefers the exact percentiles, p95 included, that our Lua hook prints in microseconds', () => {
    expect(parseWrk(`${REPORT}pressroom-percentiles 812 4500 19000\n`)).toMatchObject({ p50: 0.812, p95: 4.5, p99: 19 })
  })
})
