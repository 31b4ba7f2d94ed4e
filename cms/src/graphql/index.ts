import type { Core } from '@strapi/strapi'
import type * as Nexus from 'nexus'
import { SCHEDULE_FIELDS } from '../scheduling/store'
import { searchResolvers, searchResolversConfig, searchTypes } from '../search/graphql'
import { categoryPostCountConfig, categoryPostCountField } from './category-post-count'
import { computedFieldResolvers, computedFieldsConfig, computedPostFields } from './computed-fields'
import { prefetchResolversConfig } from './prefetch-relations'
import { publishedRelationsConfig } from './published-relations'

/** Registers Pressroom's additions to the GraphQL schema Strapi generates. */
export function registerGraphqlExtension(strapi: Core.Strapi): void {
  const extension = strapi.plugin('graphql').service('extension')
  // The schedule is the admin's: not part of the public contract, not even as a mutation input.
  for (const field of SCHEDULE_FIELDS) extension.shadowCRUD('api::post.post').field(field).disable()
  extension.use(({ nexus }: { nexus: typeof Nexus }) => ({
    types: [computedPostFields(nexus), categoryPostCountField(nexus, strapi), ...searchTypes(nexus)],
    resolvers: { ...computedFieldResolvers, ...searchResolvers(strapi) },
    resolversConfig: { ...computedFieldsConfig, ...categoryPostCountConfig, ...publishedRelationsConfig, ...prefetchResolversConfig(strapi), ...searchResolversConfig },
  }))
}
