import { blocksToPlainText } from '@pressroom/richtext'
import type { Core, Modules } from '@strapi/strapi'
import { excerptOf } from '../graphql/computed-fields'
import type { IndexedPost, Knex, SearchStore } from './store'
import { searchStore } from './store'
import { foldForSearch } from './text'

const POST = 'api::post.post'
const POST_WRITES = new Set(['create', 'update', 'delete', 'publish', 'unpublish', 'discardDraft'])
/**
 * Authors' and categories' names (and categories' slugs, for the category filter) are indexed with each post:
 * a change to one refreshes the entries of the posts linked to it, through the post's relation named here.
 */
const NAME_SOURCES = new Map([['api::author.author', 'author'], ['api::category.category', 'categories']])
const PAGE = 200

export interface PublishedPost {
  documentId: string
  title: string
  excerpt?: string | null
  body?: unknown
  author?: { name?: string } | null
  categories?: Array<{ name?: string, slug?: string }> | null
}

const POPULATE = { author: { fields: ['name'] }, categories: { fields: ['name', 'slug'] } } satisfies Record<string, { fields: string[] }>

let store: SearchStore | undefined

export function searchIndex(strapi: Core.Strapi): SearchStore {
  store ??= searchStore(strapi.db.dialect.client)
  return store
}

/** Index writes join the transaction of the document action that caused them (or start their own). */
function inTransaction<T>(strapi: Core.Strapi, work: (db: Knex) => Promise<T>): Promise<T> {
  return strapi.db.transaction(({ trx }) => work(trx as unknown as Knex)) as unknown as Promise<T>
}

export function toIndexed(post: PublishedPost): IndexedPost {
  const categories = post.categories ?? []
  return {
    documentId: post.documentId,
    title: foldForSearch(post.title),
    excerpt: foldForSearch(excerptOf(post)),
    names: foldForSearch([post.author?.name ?? '', ...categories.map(category => category.name ?? '')].join(' ')),
    body: foldForSearch(blocksToPlainText(post.body)),
    categorySlugs: categories.map(category => category.slug ?? '').filter(Boolean),
  }
}

/** Brings these posts' entries in line with their published versions: indexed while published, gone otherwise. */
export async function reindexPosts(strapi: Core.Strapi, documentIds: string[]): Promise<void> {
  if (documentIds.length === 0) return
  const index = searchIndex(strapi)
  await inTransaction(strapi, async (db) => {
    for (let start = 0; start < documentIds.length; start += PAGE) {
      const ids = documentIds.slice(start, start + PAGE)
      const posts = await strapi.documents(POST).findMany({ status: 'published', filters: { documentId: { $in: ids } }, populate: POPULATE, limit: ids.length }) as unknown as PublishedPost[]
      for (const post of posts) await index.upsert(db, toIndexed(post))
      const published = new Set(posts.map(post => post.documentId))
      for (const id of ids) if (!published.has(id)) await index.remove(db, id)
    }
  })
}

/** Indexes every published post from scratch, a page at a time. */
export function rebuildSearchIndex(strapi: Core.Strapi): Promise<number> {
  const index = searchIndex(strapi)
  return inTransaction(strapi, async (db) => {
    await index.clear(db)
    let indexed = 0
    for (let start = 0; ; start += PAGE) {
      const posts = await strapi.documents(POST).findMany({ status: 'published', populate: POPULATE, start, limit: PAGE }) as unknown as PublishedPost[]
      for (const post of posts) await index.upsert(db, toIndexed(post))
      indexed += posts.length
      if (posts.length < PAGE) return indexed
    }
  })
}

type Next = Parameters<Modules.Documents.Middleware.Middleware>[1]

/** What the index holds of an author or a category: its name and slug; null once it is gone. */
async function indexedNames(strapi: Core.Strapi, uid: string, documentId: string): Promise<string | null> {
  const source = await strapi.db.query(uid as 'api::author.author').findOne({ where: { documentId }, select: ['name', 'slug'] }) as { name?: string, slug?: string } | null
  return source ? `${source.name}\n${source.slug}` : null
}

/** The published posts linked to an author or a category, through the post's relation named `relation`. */
async function linkedPosts(strapi: Core.Strapi, relation: string, documentId: string): Promise<Set<string>> {
  const posts = await strapi.db.query(POST).findMany({ where: { publishedAt: { $notNull: true }, [relation]: { documentId } }, select: ['documentId'] }) as Array<{ documentId: string }>
  return new Set(posts.map(post => post.documentId))
}

/** Whether a write's relation value can change links: absent, or only empty `connect`/`disconnect` lists, cannot. */
function changesLinks(relation: unknown): boolean {
  if (relation === undefined) return false
  if (typeof relation !== 'object' || relation === null || Array.isArray(relation) || 'set' in relation) return true
  return Object.values(relation).some(list => !Array.isArray(list) || list.length > 0)
}

/**
 * A write to an author or a category: when its name or slug changes (or it is created or deleted), its posts'
 * entries are refreshed, before and after the write; when only its links to posts change, just the posts linked
 * or unlinked. Any other edit (a bio, an avatar) touches the index not at all.
 */
async function refreshPostsOf(strapi: Core.Strapi, ctx: Modules.Documents.Middleware.Context, relation: string, next: Next): Promise<Awaited<ReturnType<Next>>> {
  const { documentId: paramsId, data } = ctx.params as { documentId?: string, data?: { posts?: unknown } }
  const linksMayChange = ctx.action === 'delete' || changesLinks(data?.posts)
  const namesBefore = paramsId ? await indexedNames(strapi, ctx.uid, paramsId) : null
  const postsBefore = paramsId && linksMayChange ? await linkedPosts(strapi, relation, paramsId) : undefined
  const result = await next()
  const documentId = paramsId ?? (result as { documentId?: string } | null)?.documentId
  if (!documentId) return result
  const renamed = namesBefore !== await indexedNames(strapi, ctx.uid, documentId)
  if (!renamed && !linksMayChange) return result
  const after = await linkedPosts(strapi, relation, documentId)
  const before = postsBefore ?? after
  const changed = renamed
    ? new Set([...before, ...after])
    : [...before].filter(id => !after.has(id)).concat([...after].filter(id => !before.has(id)))
  await reindexPosts(strapi, [...changed])
  return result
}

/** At boot: create the index, and rebuild it when it does not hold exactly the published posts. */
export async function prepareSearchIndex(strapi: Core.Strapi): Promise<void> {
  const index = searchIndex(strapi)
  await index.ensure(strapi.db.connection)
  const published = await strapi.documents(POST).count({ status: 'published' })
  if (published !== await index.count(strapi.db.connection)) {
    const started = Date.now()
    const indexed = await rebuildSearchIndex(strapi)
    strapi.log.info(`[search] indexed ${indexed} published posts in ${Date.now() - started} ms`)
  }
}

/**
 * Keeps the index in step with publishing, in the same request as the editor's action: a post is findable as
 * soon as its publish returns, and gone as soon as its unpublish or delete does. Drafts are never indexed.
 * Renaming (or deleting) an author or a category refreshes the entries of its posts, and no others.
 */
export function keepSearchIndexInSync(strapi: Core.Strapi): Modules.Documents.Middleware.Middleware {
  return async (ctx, next) => {
    if (!POST_WRITES.has(ctx.action)) return next()
    const relation = NAME_SOURCES.get(ctx.uid)
    if (relation) return refreshPostsOf(strapi, ctx, relation, next)
    if (ctx.uid !== POST) return next()
    const result = await next()
    const documentId = (ctx.params as { documentId?: string }).documentId ?? (result as { documentId?: string } | null)?.documentId
    if (documentId) await reindexPosts(strapi, [documentId])
    return result
  }
}
