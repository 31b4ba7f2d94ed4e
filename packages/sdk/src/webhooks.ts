import type { PostPublishedEvent } from '@pressroom/types'
import { Webhook, WebhookVerificationError } from 'standardwebhooks'
import { PressroomError } from './errors.js'

/** The call did not come from your Pressroom CMS (wrong secret, altered body), or came too late (a replay). */
export class InvalidWebhookError extends PressroomError {
  override name = 'InvalidWebhookError'
}

/** The headers a receiver passes on: `webhook-id`, `webhook-timestamp`, `webhook-signature`. */
export type WebhookHeaders = Record<string, string | string[] | undefined> | Headers

function plainHeaders(headers: WebhookHeaders): Record<string, string> {
  const plain: Record<string, string> = {}
  if (headers instanceof Headers) headers.forEach((value, name) => { plain[name] = value })
  else for (const [name, value] of Object.entries(headers)) if (value !== undefined) plain[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value
  return plain
}

/**
 * Checks a `post.published` call (Standard Webhooks: HMAC-SHA256 over `id.timestamp.body`, at most five minutes
 * old) and returns its event. Pass the raw body exactly as received, before any JSON parsing.
 * Deduplicate on `event.id`: a retried delivery carries the same id.
 */
export function verifyPostPublished(secret: string, rawBody: string, headers: WebhookHeaders): PostPublishedEvent {
  try {
    return new Webhook(secret).verify(rawBody, plainHeaders(headers)) as PostPublishedEvent
  }
  catch (error) {
    if (error instanceof WebhookVerificationError) throw new InvalidWebhookError(`Not a valid Pressroom webhook: ${error.message}.`, { cause: error })
    throw new InvalidWebhookError(`Not a valid Pressroom webhook: ${(error as Error).message}`, { cause: error })
  }
}
