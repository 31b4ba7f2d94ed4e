import { blocksToPlainText } from '@pressroom/richtext'
import type { Core, Modules } from '@strapi/strapi'
import { excerptOf } from '../graphql/computed-fields'
import type { IndexedPost, Knex, SearchStore } from './store'
import { searchStore } from './store'
import { foldForSearch } from './text'

const POST = 'api::post.post'
const POST_WRITES = new Set(['create', 'update', 'delete', 'publish', 'unpublish', 'discardDraft'])
/** Names of authors and categories are indexed with each post, so renaming one refreshes the whole index. */
const NAME_SOURCES = new Set(['api::author.author', 'api::category.category'])

interface PublishedPost {
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

function toIndexed(post: PublishedPost): IndexedPost {
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

/** Brings one post's entry in line with its published version: indexed while published, gone otherwise. */
export async function reindexPost(strapi: Core.Strapi, documentId: string): Promise<void> {
  await inTransaction(strapi, async (db) => {
    const post = await strapi.documents(POST).findOne({ documentId, status: 'published', populate: POPULATE }) as unknown as PublishedPost | null
    if (post) await searchIndex(strapi).upsert(db, toIndexed(post))
    else await searchIndex(strapi).remove(db, documentId)
  })
}

/** Indexes every published post from scratch, a page at a time. */
export function rebuildSearchIndex(strapi: Core.Strapi): Promise<number> {
  const index = searchIndex(strapi)
  return inTransaction(strapi, async (db) => {
    await index.clear(db)
    let indexed = 0
    for (let start = 0; ; start += 200) {
      const posts = await strapi.documents(POST).findMany({ status: 'published', populate: POPULATE, start, limit: 200 }) as unknown as PublishedPost[]
      for (const post of posts) await index.upsert(db, toIndexed(post))
      indexed += posts.length
      if (posts.length < 200) return indexed
    }
  })
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
 */
export function keepSearchIndexInSync(strapi: Core.Strapi): Modules.Documents.Middleware.Middleware {
  return async (ctx, next) => {
    const result = await next()
    if (ctx.uid === POST && POST_WRITES.has(ctx.action)) {
      const documentId = (ctx.params as { documentId?: string }).documentId ?? (result as { documentId?: string } | null)?.documentId
      if (documentId) await reindexPost(strapi, documentId)
    }
    else if (NAME_SOURCES.has(ctx.uid) && POST_WRITES.has(ctx.action) && ctx.action !== 'create') {
      await rebuildSearchIndex(strapi)
    }
    return result
  }
}
