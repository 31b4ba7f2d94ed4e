import type { Core } from '@strapi/strapi'
import type * as Nexus from 'nexus'
import { computedFieldResolvers, computedFieldsConfig, computedPostFields } from './computed-fields'
import { prefetchResolversConfig } from './prefetch-relations'
import { searchResolvers, searchResolversConfig, searchTypes } from '../search/graphql'
import { publishedRelationsConfig } from './published-relations'

/** The post's schedule (private fields, set in the admin): not part of the public contract, not even as an input. */
const ADMIN_ONLY_POST_FIELDS = ['publishAt', 'unpublishAt', 'scheduleStatus', 'scheduleError']

/** Registers Pressroom's additions to the GraphQL schema Strapi generates. */
export function registerGraphqlExtension(strapi: Core.Strapi): void {
  const extension = strapi.plugin('graphql').service('extension')
  for (const field of ADMIN_ONLY_POST_FIELDS) extension.shadowCRUD('api::post.post').field(field).disable()
  extension.use(({ nexus }: { nexus: typeof Nexus }) => ({
    types: [computedPostFields(nexus), ...searchTypes(nexus)],
    resolvers: { ...computedFieldResolvers, ...searchResolvers(strapi) },
    resolversConfig: { ...computedFieldsConfig, ...publishedRelationsConfig, ...prefetchResolversConfig(strapi), ...searchResolversConfig },
  }))
}
