import type { Core } from '@strapi/strapi'
import type * as Nexus from 'nexus'
import { computedFieldResolvers, computedFieldsConfig, computedPostFields } from './computed-fields'
import { prefetchResolversConfig } from './prefetch-relations'
import { searchResolvers, searchResolversConfig, searchTypes } from '../search/graphql'
import { publishedRelationsConfig } from './published-relations'

/** Registers Pressroom's additions to the GraphQL schema Strapi generates. */
export function registerGraphqlExtension(strapi: Core.Strapi): void {
  strapi.plugin('graphql').service('extension').use(({ nexus }: { nexus: typeof Nexus }) => ({
    types: [computedPostFields(nexus), ...searchTypes(nexus)],
    resolvers: { ...computedFieldResolvers, ...searchResolvers(strapi) },
    resolversConfig: { ...computedFieldsConfig, ...publishedRelationsConfig, ...prefetchResolversConfig(strapi), ...searchResolversConfig },
  }))
}
