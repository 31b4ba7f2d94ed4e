import { blocksToPlainText } from '@pressroom/richtext'
import type { Core } from '@strapi/strapi'
import { errors } from '@strapi/utils'
import type { GraphQLResolveInfo } from 'graphql'
import type * as Nexus from 'nexus'
import { excerptOf } from '../graphql/computed-fields'
import { populateForSelection } from '../graphql/prefetch-relations'
import { PAGE_LIMITS } from '../utils/limits'
import { searchIndex } from './indexer'
import { parseSearchQuery, SearchQueryError, widenPrefix } from './query'
import { snippetMaker } from './snippet'

interface SearchArgs {
  query: string
  page?: number | null
  pageSize?: number | null
  category?: string | null
}

/** `searchPosts`: published posts ranked by the database's full-text engine, with a highlighted snippet each. */
export function searchTypes(nexus: typeof Nexus) {
  return [
    nexus.objectType({
      name: 'PostSearchHit',
      description: 'A post that matched, with a snippet of its text around the matches.',
      definition(t) {
        t.nonNull.field('post', { type: 'Post' })
        t.nonNull.string('snippet', { description: 'About 30 words around the matches, as HTML: the text escaped, matches in <mark>, … where cut.' })
        t.nonNull.float('rank', { description: 'Relevance; higher is better. Comparable only within one result.' })
      },
    }),
    nexus.objectType({
      name: 'PostSearchResult',
      definition(t) {
        t.nonNull.list.nonNull.field('hits', { type: 'PostSearchHit' })
        t.nonNull.int('total', { description: 'Published posts that match, across all pages.' })
        t.nonNull.int('page')
        t.nonNull.int('pageSize')
        t.nonNull.int('pageCount')
      },
    }),
    nexus.extendType({
      type: 'Query',
      definition(t) {
        t.nonNull.field('searchPosts', {
          type: 'PostSearchResult',
          description: 'Full-text search over published posts: title weighs most, then excerpt, author and category names, then body. '
            + 'Words are stemmed (English) and accent-insensitive; "quoted phrases" match as phrases; the last word matches as a prefix. '
            + `At most ${PAGE_LIMITS.maxPageSize} hits per page; queries longer than 200 characters are refused.`,
          args: {
            query: nexus.nonNull(nexus.stringArg()),
            page: nexus.intArg({ default: 1 }),
            pageSize: nexus.intArg({ default: PAGE_LIMITS.defaultPageSize }),
            category: nexus.stringArg({ description: 'Only posts in the category with this slug.' }),
          },
        })
      },
    }),
  ]
}

export function searchResolvers(strapi: Core.Strapi) {
  return {
    Query: {
      async searchPosts(_parent: unknown, args: SearchArgs, _context: unknown, info: GraphQLResolveInfo) {
        let terms
        try {
          terms = parseSearchQuery(args.query)
        }
        catch (error) {
          if (error instanceof SearchQueryError) throw new errors.ValidationError(error.message)
          throw error
        }
        const page = Math.max(1, args.page ?? 1)
        const pageSize = Math.min(PAGE_LIMITS.maxPageSize, Math.max(1, args.pageSize ?? PAGE_LIMITS.defaultPageSize))
        if (terms.length === 0) return { hits: [], total: 0, page, pageSize, pageCount: 0 }

        const options = { category: args.category ?? undefined, limit: pageSize, offset: (page - 1) * pageSize }
        const index = searchIndex(strapi)
        let found = await index.search(strapi.db.connection, terms, options)
        // "toolin" is a prefix of no indexed stem ("tool"): try the stem the typed word is heading for.
        const widened = found.total === 0 ? widenPrefix(terms) : null
        if (widened) {
          terms = widened
          found = await index.search(strapi.db.connection, terms, options)
        }
        const ids = found.hits.map(hit => hit.documentId)
        const posts = ids.length === 0
          ? []
          // Loads the relations the client selected with the posts, so they answer from them without N+1.
          : await strapi.documents('api::post.post').findMany({ filters: { documentId: { $in: ids } }, status: 'published', populate: populateForSelection(info, 'Post', ['hits', 'post']), limit: ids.length })
        const byId = new Map(posts.map(post => [post.documentId, post]))
        const snippet = snippetMaker(terms)
        const hits = found.hits.flatMap((hit) => {
          const post = byId.get(hit.documentId)
          if (!post) return [] // unpublished between the two reads
          const text = `${excerptOf(post as { excerpt?: string | null })}\n${blocksToPlainText(post.body)}`
          return [{ post, rank: hit.rank, snippet: snippet(text) }]
        })
        return { hits, total: found.total, page, pageSize, pageCount: Math.ceil(found.total / pageSize) }
      },
    },
  }
}

export const searchResolversConfig = {
  'Query.searchPosts': { auth: false },
}
