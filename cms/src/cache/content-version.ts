import type { Core } from '@strapi/strapi'
import type { RedisClientType } from 'redis'
import { redisAnswers, redisOf } from '../utils/redis'

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
  /** Does the store answer (Redis's PING within a second)? Always, in this process. */
  answers: () => Promise<boolean>
}

const REDIS_KEY = 'pressroom:content-version'

function inMemoryVersion(): ContentVersion {
  let version = 0
  return {
    shared: false,
    current: async () => String(version),
    bump: async () => { version += 1 },
    answers: async () => true,
  }
}

function redisVersion(client: RedisClientType): ContentVersion {
  // Commands wait in node-redis's queue while it (re)connects.
  return {
    shared: true,
    current: async () => (await client.get(REDIS_KEY)) ?? '0',
    bump: async () => { await client.incr(REDIS_KEY) },
    answers: () => redisAnswers(client),
  }
}

const versions = new WeakMap<Core.Strapi, ContentVersion>()

export function contentVersionOf(strapi: Core.Strapi): ContentVersion {
  let version = versions.get(strapi)
  if (!version) {
    const redis = redisOf(strapi)
    version = redis ? redisVersion(redis) : inMemoryVersion()
    versions.set(strapi, version)
  }
  return version
}
