import { createHmac } from 'node:crypto'
import { setTimeout as sleep } from 'node:timers/promises'
import type { Core } from '@strapi/strapi'

export interface SiteWebhookEvent {
  event: 'entry.publish' | 'entry.unpublish' | 'entry.update' | 'entry.delete' | 'entry.create'
  model: string
  documentId: string | null
}

/** `sha256=<hex HMAC of the body>`: the site recomputes it with the shared secret before trusting a call. */
export function signBody(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`
}

const RETRY_DELAYS_MS = [500, 2_000, 5_000]

/**
 * Sends one event to the site, retrying a few times; resolves once it was taken or the last try failed (logged).
 * Configured by SITE_WEBHOOK_URL and SITE_WEBHOOK_SECRET. The waits between tries do not keep the process alive.
 */
export async function notifySiteNow(strapi: Core.Strapi, event: SiteWebhookEvent): Promise<void> {
  const url = process.env.SITE_WEBHOOK_URL
  const secret = process.env.SITE_WEBHOOK_SECRET
  if (!url || !secret) return
  const body = JSON.stringify({ ...event, sentAt: new Date().toISOString() })
  for (let attempt = 0; ; attempt += 1) {
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-pressroom-signature': signBody(secret, body) },
        body,
        signal: AbortSignal.timeout(5_000),
      })
      if (!response.ok) throw new Error(`HTTP ${response.status}`)
      return
    }
    catch (error) {
      const delay = RETRY_DELAYS_MS[attempt]
      if (delay === undefined) {
        strapi.log.error(`The site did not take the ${event.event} notification (${url}): ${(error as Error).message}`)
        return
      }
      await sleep(delay, undefined, { ref: false })
    }
  }
}

/** Tells the site that content changed, so it purges its cached pages. Never blocks or fails the editor's action. */
export function notifySite(strapi: Core.Strapi, event: SiteWebhookEvent): void {
  void notifySiteNow(strapi, event)
}
