import { createHmac } from 'node:crypto'
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
 * Tells the site that content changed, so it purges its cached pages. Configured by SITE_WEBHOOK_URL and
 * SITE_WEBHOOK_SECRET. Never blocks or fails the editor's action: it runs in the background and retries.
 */
export function notifySite(strapi: Core.Strapi, event: SiteWebhookEvent): void {
  const url = process.env.SITE_WEBHOOK_URL
  const secret = process.env.SITE_WEBHOOK_SECRET
  if (!url || !secret) return
  const body = JSON.stringify({ ...event, sentAt: new Date().toISOString() })
  const send = async (attempt: number): Promise<void> => {
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-pressroom-signature': signBody(secret, body) },
        body,
        signal: AbortSignal.timeout(5_000),
      })
      if (!response.ok) throw new Error(`HTTP ${response.status}`)
    }
    catch (error) {
      const delay = RETRY_DELAYS_MS[attempt]
      if (delay === undefined) {
        strapi.log.error(`The site did not take the ${event.event} notification (${url}): ${(error as Error).message}`)
        return
      }
      setTimeout(() => void send(attempt + 1), delay).unref()
    }
  }
  void send(0)
}
