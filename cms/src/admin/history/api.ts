// The shapes of the CMS's /pressroom history and trash routes (cms/src/history/routes.ts), as the admin reads them.

export type VersionStatus = 'draft' | 'published' | 'deleted'

export interface Version {
  id: number
  documentId: string
  createdAt: number
  actor: string
  status: VersionStatus
  note: string | null
}

export interface VersionDetail extends Version {
  post: {
    title: string
    slug: string
    excerpt: string | null
    featured: boolean
    date: string | null
    cover: { name: string, url: string, alternativeText: string | null } | null
    author: { name: string } | null
    categories: Array<{ name: string }>
    seo: { metaTitle: string | null, metaDescription: string | null, canonicalUrl: string | null, noIndex: boolean } | null
  }
  /** The body as the site renders it (escaped, safe HTML). */
  bodyHtml: string
}

export interface TrashItem {
  documentId: string
  title: string
  slug: string
  deletedAt: number
  actor: string
  wasPublished: boolean
}

export interface Restored {
  documentId: string
  slug: string
  missing: string[]
}

export const STATUS_LABELS: Record<VersionStatus, string> = { draft: 'Draft', published: 'Published', deleted: 'Deleted' }

/** What to tell the editor after a restore. */
export function restoredMessage(restored: Restored, what: string): string {
  const left = restored.missing.length > 0 ? ` Left out because they no longer exist: ${restored.missing.join(', ')}.` : ''
  return `${what} It is now the draft (slug "${restored.slug}"); publish it when you are ready.${left}`
}
