import { isAnonymousGraphqlContext } from '../utils/request-audience'

type GraphqlContext = Parameters<typeof isAnonymousGraphqlContext>[0]
type Resolve = (parent: unknown, args: Record<string, unknown>, context: GraphqlContext, info: unknown) => unknown

/**
 * Relation fields (`author.posts`, `category.posts`) load rows through the query engine, not the document
 * service, so they would return draft rows too. For anonymous requests, add a `publishedAt` filter to them.
 */
const publishedRowsOnly = (resolve: Resolve, parent: unknown, args: Record<string, unknown>, context: GraphqlContext, info: unknown) => {
  if (!isAnonymousGraphqlContext(context)) return resolve(parent, args, context, info)
  const published = { publishedAt: { notNull: true } }
  const filters = args.filters ? { and: [args.filters, published] } : published
  return resolve(parent, { ...args, filters }, context, info)
}

const RELATIONS_TO_POSTS = ['Author.posts', 'Author.posts_connection', 'Category.posts', 'Category.posts_connection']

export const publishedRelationsConfig = Object.fromEntries(
  RELATIONS_TO_POSTS.map(field => [field, { middlewares: [publishedRowsOnly] }]),
)
