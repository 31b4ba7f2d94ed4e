import type { Core } from '@strapi/strapi'
import type * as Nexus from 'nexus'
import { SCHEDULE_FIELDS } from '../scheduling/store'
import { searchResolvers, searchResolversConfig, searchTypes } from '../search/graphql'
import { sitemapResolvers, sitemapResolversConfig, sitemapTypes } from '../sitemap/graphql'
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
    types: [computedPostFields(nexus), categoryPostCountField(nexus, strapi), ...searchTypes(nexus), ...sitemapTypes(nexus)],
    // One object per type: a second `Query` key would replace the first.
    resolvers: { ...computedFieldResolvers, Query: { ...searchResolvers(strapi).Query, ...sitemapResolvers(strapi).Query } },
    resolversConfig: { ...computedFieldsConfig, ...categoryPostCountConfig, ...publishedRelationsConfig, ...prefetchResolversConfig(strapi), ...searchResolversConfig, ...sitemapResolversConfig },
  }))
}
