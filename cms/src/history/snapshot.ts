import { createHash } from 'node:crypto'
import type { Core } from '@strapi/strapi'

export const POST = 'api::post.post'

interface MediaRef {
  id: number
  name: string
  url: string
  alternativeText: string | null
}

/** What a version holds: the post as an editor sees it in the edit view. */
export interface PostSnapshot {
  title: string
  slug: string
  excerpt: string | null
  body: unknown
  featured: boolean
  date: string | null
  cover: MediaRef | null
  author: { documentId: string, name: string } | null
  categories: Array<{ documentId: string, name: string }>
  seo: { metaTitle: string | null, metaDescription: string | null, canonicalUrl: string | null, noIndex: boolean, shareImage: MediaRef | null } | null
}

const MEDIA = { fields: ['name', 'url', 'alternativeText'] }

/** The post as the document service returns it for a snapshot. */
interface StoredPost {
  title: string
  slug: string
  excerpt?: string | null
  body?: unknown
  featured?: boolean
  date?: string | null
  cover?: Record<string, unknown> | null
  author?: { documentId: string, name: string } | null
  categories?: Array<{ documentId: string, name: string }>
  seo?: { metaTitle?: string | null, metaDescription?: string | null, canonicalUrl?: string | null, noIndex?: boolean, shareImage?: Record<string, unknown> | null } | null
}

const media = (file: Record<string, unknown> | null | undefined): MediaRef | null =>
  (file ? { id: Number(file.id), name: String(file.name), url: String(file.url), alternativeText: (file.alternativeText as string | null) ?? null } : null)

/** The post's draft (or published) version as a snapshot, or null when there is none. */
export async function takeSnapshot(strapi: Core.Strapi, documentId: string, status: 'draft' | 'published' = 'draft'): Promise<PostSnapshot | null> {
  const post = await strapi.documents(POST).findOne({
    documentId,
    status,
    fields: ['title', 'slug', 'excerpt', 'body', 'featured', 'date'],
    populate: {
      cover: MEDIA,
      author: { fields: ['name'] },
      categories: { fields: ['name'] },
      seo: { populate: { shareImage: MEDIA } },
    },
  } as never) as StoredPost | null
  if (!post) return null
  const seo = post.seo
  return {
    title: post.title,
    slug: post.slug,
    excerpt: post.excerpt ?? null,
    body: post.body ?? [],
    featured: Boolean(post.featured),
    date: post.date ? new Date(post.date).toISOString() : null,
    cover: media(post.cover),
    author: post.author ? { documentId: post.author.documentId, name: post.author.name } : null,
    categories: (post.categories ?? [])
      .map(category => ({ documentId: category.documentId, name: category.name }))
      .sort((a, b) => a.documentId.localeCompare(b.documentId)),
    seo: seo ? { metaTitle: seo.metaTitle ?? null, metaDescription: seo.metaDescription ?? null, canonicalUrl: seo.canonicalUrl ?? null, noIndex: Boolean(seo.noIndex), shareImage: media(seo.shareImage) } : null,
  }
}

/** Two snapshots with the same content have the same hash: an unchanged save adds no version. */
export function snapshotHash(snapshot: PostSnapshot): string {
  return createHash('sha256').update(JSON.stringify(snapshot)).digest('hex')
}

/**
 * A snapshot as document-service data, to write it back as the draft. Relations and media that no longer exist
 * (a deleted author, category or image) are left out rather than failing the restore; `missing` names them.
 */
export async function snapshotAsData(strapi: Core.Strapi, snapshot: PostSnapshot): Promise<{ data: Record<string, unknown>, missing: string[] }> {
  const missing: string[] = []
  const exists = async (uid: 'api::author.author' | 'api::category.category', documentId: string) =>
    (await strapi.db.query(uid).count({ where: { documentId } })) > 0
  const file = async (ref: MediaRef | null) => {
    if (!ref) return null
    if ((await strapi.db.query('plugin::upload.file').count({ where: { id: ref.id } })) > 0) return ref.id
    missing.push(`the image "${ref.name}"`)
    return null
  }
  let author = null
  if (snapshot.author) {
    if (await exists('api::author.author', snapshot.author.documentId)) author = snapshot.author.documentId
    else missing.push(`the author ${snapshot.author.name}`)
  }
  const categories: string[] = []
  for (const category of snapshot.categories) {
    if (await exists('api::category.category', category.documentId)) categories.push(category.documentId)
    else missing.push(`the category ${category.name}`)
  }
  const data = {
    title: snapshot.title,
    slug: snapshot.slug,
    excerpt: snapshot.excerpt,
    body: snapshot.body,
    featured: snapshot.featured,
    date: snapshot.date,
    cover: await file(snapshot.cover),
    author: author ? { set: [{ documentId: author }] } : { set: [] },
    categories: { set: categories.map(documentId => ({ documentId })) },
    seo: snapshot.seo ? { ...snapshot.seo, shareImage: await file(snapshot.seo.shareImage) } : null,
  }
  return { data, missing }
}
