import { AsyncLocalStorage } from 'node:async_hooks'
import type { Core, Modules } from '@strapi/strapi'
import type { Knex } from '../search/store'
import type { PublishWebhookConfig } from './config'
import { publishWebhookConfig } from './config'
import type { DeliveryWorker } from './delivery'
import { startDeliveryWorker } from './delivery'
import { addAnnouncement, ensureOutbox, isAnnounced, markPublishedAsAnnounced } from './outbox'
import { postPublishedEvent } from './payload'

const POST = 'api::post.post'
const quiet = new AsyncLocalStorage<true>()
let config: PublishWebhookConfig | null = null
let worker: DeliveryWorker | null = null

/** Runs `work` (the importer) without announcing what it publishes: those posts are recorded as already announced. */
export function withoutAnnouncements<T>(work: () => Promise<T>): Promise<T> {
  return quiet.run(true, work)
}

/** At boot: read the receivers (a bad setting stops the boot with its reason), prepare the outbox, start sending. */
export async function startPublishWebhooks(strapi: Core.Strapi): Promise<void> {
  config = publishWebhookConfig()
  if (!config) return
  const db = strapi.db.connection as Knex
  await ensureOutbox(db)
  await markPublishedAsAnnounced(db, strapi.db.metadata.get(POST).tableName)
  worker = startDeliveryWorker(strapi, config)
  strapi.log.info(`[webhooks] post.published goes to ${config.receivers.length} receiver(s)`)
}

export async function stopPublishWebhooks(): Promise<void> {
  await worker?.stop()
  worker = null
}

/** Queues the post's event in the editor's transaction, once per post; sending happens after the commit. */
async function announce(strapi: Core.Strapi, settings: PublishWebhookConfig, documentId: string): Promise<void> {
  await strapi.db.transaction(async ({ trx, onCommit }) => {
    // A savepoint: whatever goes wrong here is rolled back alone, never the editor's publish.
    await (trx as unknown as Knex).transaction(async (db) => {
      if (await isAnnounced(db, documentId)) return
      const event = quiet.getStore() ? null : await postPublishedEvent(strapi, documentId, settings.siteUrl)
      await addAnnouncement(db, documentId, event ? JSON.stringify(event) : null, settings.receivers)
    })
    onCommit(() => worker?.kick())
  })
}

/**
 * Announces each post the first time it is published (`post.published`), never again for later re-publishes.
 * A failure to queue is logged and the publish still succeeds; receivers are only called after the commit.
 */
export function announceFirstPublish(strapi: Core.Strapi): Modules.Documents.Middleware.Middleware {
  return async (ctx, next) => {
    const result = await next()
    const settings = config
    if (settings && ctx.uid === POST && ctx.action === 'publish') {
      const documentId = (ctx.params as { documentId?: string }).documentId
      if (documentId) {
        await announce(strapi, settings, documentId).catch((error: unknown) =>
          strapi.log.error(`[webhooks] could not queue post.published for ${documentId}: ${(error as Error).message}`))
      }
    }
    return result
  }
}
