import type { Core } from '@strapi/strapi'
import { Webhook } from 'standardwebhooks'
import type { Knex } from '../search/store'
import type { PublishWebhookConfig } from './config'
import type { DueDelivery } from './outbox'
import { claim, dueDeliveries, markDelivered, markFailedAttempt } from './outbox'
import { eventIdOf } from './payload'

/** Waits after each failed attempt: ten attempts over about 21 hours, then the delivery is given up and logged. */
export const RETRY_DELAYS_MS = [1_000, 4_000, 15_000, 60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000, 6 * 3_600_000, 12 * 3_600_000]
const POLL_MS = 1_000
const TIMEOUT_MS = 10_000
/** Longer than one attempt can take, so a crashed instance's claim expires and another instance retries. */
const LEASE_MS = TIMEOUT_MS * 3
const BATCH = 20

export interface DeliveryWorker {
  /** Looks for due deliveries now (after a publish commits) instead of at the next poll. */
  kick: () => void
  stop: () => Promise<void>
}

/**
 * Sends `post.published` events from the outbox, signed the Standard Webhooks way (webhook-id, webhook-timestamp,
 * webhook-signature: HMAC-SHA256 of `id.timestamp.body`). The id is the same on every retry: receivers dedupe on it.
 */
export function startDeliveryWorker(strapi: Core.Strapi, config: PublishWebhookConfig): DeliveryWorker {
  const signer = new Webhook(config.secret)
  const db = strapi.db.connection as Knex
  let running: Promise<void> | null = null
  let again = false
  let stopped = false

  async function send(delivery: DueDelivery): Promise<void> {
    const id = eventIdOf(delivery.documentId)
    try {
      const response = await fetch(delivery.receiver, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Pressroom-Webhooks/1.0',
          'webhook-id': id,
          'webhook-timestamp': String(Math.floor(Date.now() / 1000)),
          'webhook-signature': signer.sign(id, new Date(), delivery.payload),
        },
        body: delivery.payload,
        redirect: 'manual',
        signal: AbortSignal.timeout(TIMEOUT_MS),
      })
      await response.body?.cancel()
      if (!response.ok) throw new Error(`HTTP ${response.status}`)
      await markDelivered(db, delivery)
    }
    catch (error) {
      const reason = error instanceof Error ? (error.cause instanceof Error ? `${error.message}: ${error.cause.message}` : error.message) : String(error)
      const delay = RETRY_DELAYS_MS[delivery.attempts]
      await markFailedAttempt(db, delivery, reason, delay === undefined ? null : Date.now() + delay)
      if (delay === undefined) strapi.log.error(`[webhooks] gave up sending ${id} to ${delivery.receiver} after ${delivery.attempts + 1} attempts: ${reason}`)
      else strapi.log.warn(`[webhooks] ${id} to ${delivery.receiver} failed (${reason}); retrying in ${delay / 1000} s`)
    }
  }

  async function drain(): Promise<void> {
    do {
      again = false
      const due = await dueDeliveries(db, config.receivers, BATCH)
      const mine = []
      for (const delivery of due) if (await claim(db, delivery, LEASE_MS)) mine.push(delivery)
      await Promise.all(mine.map(send))
      if (due.length === BATCH) again = true
    } while (again && !stopped)
  }

  function kick(): void {
    if (stopped) return
    if (running) {
      again = true
      return
    }
    running = drain()
      .catch((error: unknown) => {
        strapi.log.error(`[webhooks] could not read the outbox: ${(error as Error).message}`)
      })
      .finally(() => { running = null })
  }

  const poll = setInterval(kick, POLL_MS)
  poll.unref()
  kick()
  return {
    kick,
    async stop() {
      stopped = true
      clearInterval(poll)
      await running
    },
  }
}
