import { AsyncLocalStorage } from 'node:async_hooks'
import type { Core, Modules } from '@strapi/strapi'
import type { FragmentDefinitionNode, GraphQLResolveInfo, SelectionSetNode } from 'graphql'

/**
 * Strapi's GraphQL resolves every relation with one SQL query per parent row (N+1: a list of 50 posts with
 * author, categories and cover runs 150+ queries). Here a root list query looks at the fields the client
 * selected and asks the document service to populate those relations in the same call — one query per
 * relation for the whole page — and the relation fields then answer from the populated parent.
 *
 * Only relations to types without draft & publish are prefetched (authors, categories, media, components),
 * so draft filtering stays Strapi's job.
 */
const PREFETCHABLE: Record<string, Record<string, string>> = {
  Post: { author: 'Author', categories: 'Category', cover: 'UploadFile', seo: 'ComponentSharedSeo' },
  Author: { avatar: 'UploadFile', links: 'ComponentSharedLink' },
  ComponentSharedSeo: { shareImage: 'UploadFile' },
}

const MEDIA_TYPE = 'UploadFile'

type Populate = Record<string, true | { populate: Populate }>

interface Prefetch {
  uid: string
  populate: Populate
  /** One-shot: later reads inside the same resolver call (nested loads) must not inherit it. */
  used: boolean
}

const pendingPrefetch = new AsyncLocalStorage<Prefetch>()

function hasArguments(node: { arguments?: readonly unknown[] }) {
  return (node.arguments?.length ?? 0) > 0
}

/** The relations to populate for `typeName`, read from the client's selection (fragments included). */
function populateFor(typeName: string, selectionSet: SelectionSetNode | undefined, fragments: Record<string, FragmentDefinitionNode>): Populate {
  const populate: Populate = {}
  const relations = PREFETCHABLE[typeName] ?? {}
  const visit = (set: SelectionSetNode | undefined) => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === 'InlineFragment') visit(selection.selectionSet)
      else if (selection.kind === 'FragmentSpread') visit(fragments[selection.name.value]?.selectionSet)
      else if (selection.kind === 'Field') {
        const target = relations[selection.name.value]
        // A relation with its own arguments (filters, pagination) is left to Strapi's resolver.
        if (!target || hasArguments(selection)) continue
        const nested = target === MEDIA_TYPE ? {} : populateFor(target, selection.selectionSet, fragments)
        const current = populate[selection.name.value]
        const merged = { ...(typeof current === 'object' ? current.populate : {}), ...nested }
        populate[selection.name.value] = Object.keys(merged).length > 0 ? { populate: merged } : true
      }
    }
  }
  visit(selectionSet)
  return populate
}

/** The selection set at `path` below the resolved field: `posts_connection { nodes { … } }` is ['nodes']. */
function selectionAt(info: GraphQLResolveInfo, path: string[]): SelectionSetNode | undefined {
  let set = info.fieldNodes[0]?.selectionSet
  for (const name of path) {
    const field = set?.selections.find(selection => selection.kind === 'Field' && selection.name.value === name)
    set = field?.kind === 'Field' ? field.selectionSet : undefined
  }
  return set
}

/** What to populate for the `typeName` rows found at `path` below the resolved field (e.g. searchPosts' hits.post). */
export function populateForSelection(info: GraphQLResolveInfo, typeName: string, path: string[]): Populate {
  return populateFor(typeName, selectionAt(info, path), info.fragments)
}

type Resolver = (parent: unknown, args: Record<string, unknown>, context: unknown, info: GraphQLResolveInfo) => unknown

function prefetchingRootQuery(uid: string, typeName: string, connection: boolean) {
  return (resolve: Resolver, parent: unknown, args: Record<string, unknown>, context: unknown, info: GraphQLResolveInfo) => {
    const populate = populateForSelection(info, typeName, connection ? ['nodes'] : [])
    if (Object.keys(populate).length === 0) return resolve(parent, args, context, info)
    return pendingPrefetch.run({ uid, populate, used: false }, () => resolve(parent, args, context, info))
  }
}

const READS = new Set(['findMany', 'findOne', 'findFirst'])

/** Document-service side: the first read of the root query's type gets the populate, once. */
export function applyPrefetch(): Modules.Documents.Middleware.Middleware {
  return async (ctx, next) => {
    const prefetch = pendingPrefetch.getStore()
    const params = ctx.params as { populate?: unknown }
    if (prefetch && !prefetch.used && prefetch.uid === ctx.uid && params.populate === undefined && READS.has(ctx.action)) {
      params.populate = prefetch.populate
      prefetch.used = true
    }
    return next()
  }
}

function isDefaultArgs(args: Record<string, unknown>) {
  const { filters, pagination, sort } = args as { filters?: unknown, pagination?: object, sort?: unknown[] }
  return filters === undefined && (pagination === undefined || Object.keys(pagination).length === 0) && (sort === undefined || sort.length === 0)
}

function answeringFromParent(strapi: Core.Strapi, attribute: string, isMedia: boolean) {
  return async (resolve: Resolver, parent: unknown, args: Record<string, unknown>, context: unknown, info: GraphQLResolveInfo) => {
    const row = parent as Record<string, unknown> | null
    if (!row || !(attribute in row) || !isDefaultArgs(args)) return resolve(parent, args, context, info)
    const value = row[attribute]
    if (!isMedia || !value) return value
    // Keeps private-bucket providers working: Strapi signs media URLs when it loads them itself.
    const files = strapi.plugin('upload').service('file')
    return Array.isArray(value) ? Promise.all(value.map(file => files.signFileUrls(file))) : files.signFileUrls(value)
  }
}

const ROOT_QUERIES: Array<[string, string, string]> = [
  ['api::post.post', 'Post', 'posts'],
  ['api::author.author', 'Author', 'authors'],
  ['api::category.category', 'Category', 'categories'],
]

/** GraphQL resolver config: root list/one queries prefetch, relation fields answer from the parent. */
export function prefetchResolversConfig(strapi: Core.Strapi) {
  const config: Record<string, { middlewares: unknown[] }> = {}
  for (const [uid, typeName, plural] of ROOT_QUERIES) {
    const singular = typeName.charAt(0).toLowerCase() + typeName.slice(1)
    config[`Query.${plural}`] = { middlewares: [prefetchingRootQuery(uid, typeName, false)] }
    config[`Query.${plural}_connection`] = { middlewares: [prefetchingRootQuery(uid, typeName, true)] }
    config[`Query.${singular}`] = { middlewares: [prefetchingRootQuery(uid, typeName, false)] }
  }
  for (const [typeName, relations] of Object.entries(PREFETCHABLE)) {
    for (const [attribute, target] of Object.entries(relations)) {
      config[`${typeName}.${attribute}`] = { middlewares: [answeringFromParent(strapi, attribute, target === MEDIA_TYPE)] }
    }
  }
  return config
}
