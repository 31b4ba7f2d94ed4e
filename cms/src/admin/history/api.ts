// The shapes of the CMS's /pressroom history and trash routes (cms/src/history/routes.ts), as the admin reads them.

import type { Restored } from '../../history/restore'
import type { PostSnapshot } from '../../history/snapshot'
import type { TrashRow, VersionRow, VersionStatus } from '../../history/store'

export type { VersionStatus }

/** A version as the history routes list it. */
export type Version = Omit<VersionRow, 'hash'>

export interface VersionDetail extends Version {
  post: PostSnapshot
  /** The body as the site renders it (escaped, safe HTML). */
  bodyHtml: string
}

export type TrashItem = TrashRow

export type { Restored }

export const STATUS_LABELS: Record<VersionStatus, string> = { draft: 'Draft', published: 'Published', deleted: 'Deleted' }

/** What to tell the editor after a restore. */
export function restoredMessage(restored: Restored, what: string): string {
  const left = restored.missing.length > 0 ? ` Left out because they no longer exist: ${restored.missing.join(', ')}.` : ''
  return `${what} It is now the draft (slug "${restored.slug}"); publish it when you are ready.${left}`
}
