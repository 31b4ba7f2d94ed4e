import { createId } from '@paralleldrive/cuid2'
import type { Block } from '@pressroom/richtext'
import type { Core } from '@strapi/strapi'
import type { PostSnapshot } from '../history/snapshot'
import { snapshotHash } from '../history/snapshot'
import type { NewVersion } from '../history/store'
import { addVersions } from '../history/store'
import { toIndexed } from '../search/indexer'
import type { Knex } from '../search/store'
import { insertInChunks } from '../utils/insert-in-chunks'
import { searchIndex } from '../search/indexer'

const POST = 'api::post.post'

export interface Linked { id: number, documentId: string, name: string }

export interface NewPost {
  title: string
  slug: string
  excerpt: string | null
  body: Block[]
  date: Date
  featured: boolean
  status: 'published' | 'draft' | 'scheduled'
  author: Linked
  categories: Array<Linked & { slug: string }>
  cover: { id: number, name: string, url: string, alternativeText: string | null } | null
}

/** The next free position in each author's or category's list of posts (Strapi keeps the inverse side ordered). */
async function nextPositions(db: Knex, table: string, column: string, ids: number[]): Promise<Map<number, number>> {
  const rows = await db(table).select(column).max('post_ord as last').whereIn(column, [...new Set(ids)]).groupBy(column) as Array<Record<string, unknown>>
  return new Map(rows.map(row => [Number(row[column]), Number(row.last ?? 0)]))
}

function snapshotOf(post: NewPost): PostSnapshot {
  return {
    title: post.title,
    slug: post.slug,
    excerpt: post.excerpt,
    body: post.body,
    featured: post.featured,
    date: post.date.toISOString(),
    cover: post.cover,
    author: { documentId: post.author.documentId, name: post.author.name },
    categories: post.categories.map(({ documentId, name }) => ({ documentId, name })).sort((a, b) => a.documentId.localeCompare(b.documentId)),
    seo: null,
  }
}

/**
 * Creates many new posts in one transaction, straight into the tables the document service would fill — the draft
 * row, the published row for a published post, their author, category and cover links — with their search entries
 * and a first version in the history, so each is exactly what an editor's create-and-publish leaves behind. This is
 * the import's fast path (a few statements per hundred posts instead of dozens per post); what the document service
 * would check (lengths, the slug's pattern and uniqueness, an author) the caller has already checked.
 * Returns the new posts' document ids, in order.
 */
export async function insertPosts(strapi: Core.Strapi, posts: NewPost[], history: { actor: string, note: string }): Promise<string[]> {
  if (posts.length === 0) return []
  const meta = strapi.db.metadata.get(POST)
  const table = meta.tableName
  const links = (name: 'author' | 'categories') => (meta.attributes[name] as unknown as { joinTable: { name: string } }).joinTable.name
  const documentIds = posts.map(() => createId())

  await strapi.db.transaction(async ({ trx }) => {
    const db = trx as unknown as Knex
    const now = new Date()
    const rows = posts.flatMap((post, index) => {
      const row = {
        document_id: documentIds[index],
        title: post.title,
        slug: post.slug,
        excerpt: post.excerpt,
        body: JSON.stringify(post.body),
        featured: post.featured,
        date: post.date,
        publish_at: post.status === 'scheduled' ? post.date : null,
        schedule_status: post.status === 'scheduled' ? 'scheduled' : null,
        created_at: now,
        updated_at: now,
        published_at: null as Date | null,
        locale: null,
      }
      return post.status === 'published' ? [row, { ...row, publish_at: null, schedule_status: null, published_at: now }] : [row]
    })
    const inserted = await insertInChunks(db, table, rows, ['id', 'document_id', 'published_at'])
    const postOf = new Map(documentIds.map((documentId, index) => [documentId, posts[index]!]))

    const authorTable = links('author')
    const categoryTable = links('categories')
    const authorNext = await nextPositions(db, authorTable, 'author_id', posts.map(post => post.author.id))
    const categoryNext = await nextPositions(db, categoryTable, 'category_id', posts.flatMap(post => post.categories.map(category => category.id)))
    const next = (positions: Map<number, number>, id: number) => {
      const position = (positions.get(id) ?? 0) + 1
      positions.set(id, position)
      return position
    }
    const authorLinks: Array<Record<string, unknown>> = []
    const categoryLinks: Array<Record<string, unknown>> = []
    const coverLinks: Array<Record<string, unknown>> = []
    for (const row of inserted) {
      const post = postOf.get(String(row.document_id))!
      const postId = Number(row.id)
      authorLinks.push({ post_id: postId, author_id: post.author.id, post_ord: next(authorNext, post.author.id) })
      post.categories.forEach((category, position) => categoryLinks.push({ post_id: postId, category_id: category.id, category_ord: position + 1, post_ord: next(categoryNext, category.id) }))
      if (post.cover) coverLinks.push({ file_id: post.cover.id, related_id: postId, related_type: POST, field: 'cover', order: 1 })
    }
    await insertInChunks(db, authorTable, authorLinks)
    await insertInChunks(db, categoryTable, categoryLinks)
    await insertInChunks(db, 'files_related_mph', coverLinks)

    const index = searchIndex(strapi)
    const createdAt = Date.now()
    const versions: NewVersion[] = []
    for (const [position, post] of posts.entries()) {
      const documentId = documentIds[position]!
      if (post.status === 'published') {
        await index.upsert(db, toIndexed({ documentId, title: post.title, excerpt: post.excerpt, body: post.body, author: post.author, categories: post.categories }))
      }
      const snapshot = snapshotOf(post)
      versions.push({ documentId, createdAt, actor: history.actor, status: post.status === 'published' ? 'published' : 'draft', hash: snapshotHash(snapshot), note: history.note, snapshot: JSON.stringify(snapshot) })
    }
    await addVersions(db, versions)
  })
  return documentIds
}
