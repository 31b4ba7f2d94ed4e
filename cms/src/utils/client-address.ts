import { BlockList, isIP } from 'node:net'

/**
 * The addresses whose X-Forwarded-For this CMS believes: CMS_TRUSTED_PROXIES, comma-separated addresses or CIDR
 * ranges (e.g. "127.0.0.1,10.89.0.0/24"). Empty by default: then every client is its socket's address, and nobody can
 * pick their own rate-limit bucket by sending the header.
 */
export function trustedProxies(value = process.env.CMS_TRUSTED_PROXIES ?? ''): BlockList {
  const list = new BlockList()
  for (const entry of value.split(',').map(part => part.trim()).filter(Boolean)) {
    const [address, prefix] = entry.split('/')
    const family = isIP(address!)
    if (family === 0 || (prefix !== undefined && !/^\d{1,3}$/.test(prefix)))
      throw new Error(`CMS_TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR range (e.g. 10.89.0.0/24).`)
    const type = family === 4 ? 'ipv4' : 'ipv6'
    if (prefix === undefined) list.addAddress(address!, type)
    else list.addSubnet(address!, Number(prefix), type)
  }
  return list
}

const bare = (address: string) => address.replace(/^::ffff:(?=\d+\.)/, '')
const isTrusted = (list: BlockList, address: string) => {
  const plain = bare(address)
  const family = isIP(plain)
  return family !== 0 && list.check(plain, family === 4 ? 'ipv4' : 'ipv6')
}

/**
 * The client's address: the socket's peer, unless that peer is a trusted proxy; then the right-most address in
 * X-Forwarded-For that is not itself a trusted proxy (the left-most entries are whatever the client claimed).
 */
export function clientAddress(socketAddress: string, forwardedFor: string | undefined, trusted: BlockList): string {
  let client = bare(socketAddress)
  if (!forwardedFor || !isTrusted(trusted, client)) return client
  const hops = forwardedFor.split(',').map(hop => hop.trim()).filter(hop => isIP(bare(hop)) !== 0)
  while (hops.length > 0 && isTrusted(trusted, client)) client = bare(hops.pop()!)
  return client
}
