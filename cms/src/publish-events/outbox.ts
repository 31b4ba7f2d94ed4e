import type { Knex } from '../search/store'

/**
 * The outbox: one announcement per post (its payload, kept so every retry sends the same bytes) and one delivery
 * per receiver. It lives in the database, so a restart loses nothing and several CMS instances can share the work:
 * a delivery is claimed with a conditional UPDATE before it is sent.
 */
const EVENTS = 'pressroom_publish_events'
const DELIVERIES = 'pressroom_publish_deliveries'

export interface DueDelivery {
  documentId: string
  receiver: string
  attempts: number
  payload: string
}

export async function ensureOutbox(db: Knex): Promise<void> {
  // Payload is null for posts that were already public when announcements began: they are never sent.
  await db.raw(`CREATE TABLE IF NOT EXISTS ${EVENTS} (
    document_id varchar(255) PRIMARY KEY,
    payload text,
    created_at bigint NOT NULL)`)
  await db.raw(`CREATE TABLE IF NOT EXISTS ${DELIVERIES} (
    document_id varchar(255) NOT NULL,
    receiver varchar(2048) NOT NULL,
    attempts integer NOT NULL DEFAULT 0,
    next_attempt_at bigint NOT NULL,
    locked_until bigint,
    delivered_at bigint,
    failed_at bigint,
    last_error text,
    PRIMARY KEY (document_id, receiver))`)
  await db.raw(`CREATE INDEX IF NOT EXISTS ${DELIVERIES}_due ON ${DELIVERIES} (next_attempt_at) WHERE delivered_at IS NULL AND failed_at IS NULL`)
}

/** Records every post that is public now as announced, so only posts published from here on are sent. */
export async function markPublishedAsAnnounced(db: Knex, postsTable: string): Promise<void> {
  await db.raw(`INSERT INTO ${EVENTS} (document_id, payload, created_at)
    SELECT DISTINCT document_id, NULL, CAST(? AS bigint) FROM ${postsTable} WHERE published_at IS NOT NULL
    ON CONFLICT (document_id) DO NOTHING`, [Date.now()])
}

export async function isAnnounced(db: Knex, documentId: string): Promise<boolean> {
  return (await db(EVENTS).where({ document_id: documentId }).first('document_id')) !== undefined
}

/** Adds the announcement and its deliveries; a concurrent announcement of the same post wins and this one is dropped. */
export async function addAnnouncement(db: Knex, documentId: string, payload: string | null, receivers: string[]): Promise<void> {
  const now = Date.now()
  await db(EVENTS).insert({ document_id: documentId, payload, created_at: now }).onConflict('document_id').ignore()
  if (payload === null || receivers.length === 0) return
  await db(DELIVERIES)
    .insert(receivers.map(receiver => ({ document_id: documentId, receiver, attempts: 0, next_attempt_at: now })))
    .onConflict(['document_id', 'receiver']).ignore()
}

/** Deliveries whose time has come, for the receivers this instance is configured with. */
export async function dueDeliveries(db: Knex, receivers: string[], limit: number): Promise<DueDelivery[]> {
  const now = Date.now()
  const rows = await db(`${DELIVERIES} as d`)
    .join(`${EVENTS} as e`, 'e.document_id', 'd.document_id')
    .whereNull('d.delivered_at').whereNull('d.failed_at')
    .where('d.next_attempt_at', '<=', now)
    .where(query => query.whereNull('d.locked_until').orWhere('d.locked_until', '<', now))
    .whereIn('d.receiver', receivers)
    .orderBy('d.next_attempt_at').limit(limit)
    .select('d.document_id', 'd.receiver', 'd.attempts', 'e.payload') as Array<{ document_id: string, receiver: string, attempts: number | string, payload: string }>
  return rows.map(row => ({ documentId: row.document_id, receiver: row.receiver, attempts: Number(row.attempts), payload: row.payload }))
}

const key = (delivery: DueDelivery) => ({ document_id: delivery.documentId, receiver: delivery.receiver })

/** Takes a delivery for `leaseMs`; false when another instance took it first. */
export async function claim(db: Knex, delivery: DueDelivery, leaseMs: number): Promise<boolean> {
  const now = Date.now()
  const claimed = await db(DELIVERIES).where(key(delivery)).whereNull('delivered_at')
    .where(query => query.whereNull('locked_until').orWhere('locked_until', '<', now))
    .update({ locked_until: now + leaseMs })
  return Number(claimed) === 1
}

export async function markDelivered(db: Knex, delivery: DueDelivery): Promise<void> {
  await db(DELIVERIES).where(key(delivery)).update({ attempts: delivery.attempts + 1, delivered_at: Date.now(), locked_until: null, last_error: null })
}

/** Records a failed attempt: try again at `retryAt`, or give up when it is null. */
export async function markFailedAttempt(db: Knex, delivery: DueDelivery, error: string, retryAt: number | null): Promise<void> {
  await db(DELIVERIES).where(key(delivery)).update({
    attempts: delivery.attempts + 1,
    locked_until: null,
    last_error: error.slice(0, 1000),
    ...(retryAt === null ? { failed_at: Date.now() } : { next_attempt_at: retryAt }),
  })
}
