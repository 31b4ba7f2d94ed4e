import type { Core } from '@strapi/strapi'
import { createClient } from 'redis'

/**
 * A number that changes whenever any content changes. Cached API responses remember the version they were
 * made at and are used only while it is current, so a publish invalidates every cached response at once.
 * With REDIS_URL the version lives in Redis and is shared by every CMS instance (the responses themselves
 * stay in each instance's memory); without it, in this process.
 */
export interface ContentVersion {
  /** False when only this process sees the version: writes by other processes cannot bump it. */
  shared: boolean
  current: () => Promise<string>
  bump: () => Promise<void>
  close: () => Promise<void>
}

const REDIS_KEY = 'pressroom:content-version'

function inMemoryVersion(): ContentVersion {
  let version = 0
  return {
    shared: false,
    current: async () => String(version),
    bump: async () => { version += 1 },
    close: async () => {},
  }
}

function redisVersion(url: string, strapi: Core.Strapi): ContentVersion {
  const client = createClient({ url, socket: { connectTimeout: 2000, reconnectStrategy: retries => Math.min(retries * 200, 5000) } })
  client.on('error', (error: Error) => strapi.log.warn(`Redis (${url}) for the response cache: ${error.message}`))
  const connected = client.connect()
  return {
    shared: true,
    current: async () => {
      await connected
      return (await client.get(REDIS_KEY)) ?? '0'
    },
    bump: async () => {
      await connected
      await client.incr(REDIS_KEY)
    },
    close: async () => {
      await connected.catch(() => {})
      if (client.isOpen) await client.quit()
    },
  }
}

const versions = new WeakMap<Core.Strapi, ContentVersion>()

export function contentVersionOf(strapi: Core.Strapi): ContentVersion {
  let version = versions.get(strapi)
  if (!version) {
    const url = process.env.REDIS_URL
    version = url ? redisVersion(url, strapi) : inMemoryVersion()
    versions.set(strapi, version)
  }
  return version
}
