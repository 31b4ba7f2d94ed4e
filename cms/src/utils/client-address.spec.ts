import { describe, expect, it } from 'vitest'
import { clientAddress, trustedProxies } from './client-address'

describe('the client address behind a proxy', () => {
  const proxy = trustedProxies('10.89.0.0/24, 127.0.0.1')

  it('is the socket peer when the peer is not a trusted proxy, whatever X-Forwarded-For claims', () => {
    expect(clientAddress('203.0.113.7', '198.51.100.1', proxy)).toBe('203.0.113.7')
    expect(clientAddress('203.0.113.7', undefined, trustedProxies(''))).toBe('203.0.113.7')
  })

  it('is the last hop before the trusted proxies, not what the client wrote first', () => {
    expect(clientAddress('10.89.0.5', '198.51.100.1', proxy)).toBe('198.51.100.1')
    expect(clientAddress('::ffff:10.89.0.5', 'spoofed, 1.2.3.4, 198.51.100.1', proxy)).toBe('198.51.100.1')
    expect(clientAddress('127.0.0.1', '198.51.100.1, 10.89.0.9', proxy)).toBe('198.51.100.1')
  })

  it('stays the proxy when the header names no address', () => {
    expect(clientAddress('10.89.0.5', 'unknown', proxy)).toBe('10.89.0.5')
  })

  it('refuses a setting that is not an address or a range, naming the entry', () => {
    expect(() => trustedProxies('10.0.0.0/8,proxy.local')).toThrow('CMS_TRUSTED_PROXIES: "proxy.local" is not an IP address or CIDR range')
  })
})
