import type { Core } from '@strapi/strapi'
import type * as Nexus from 'nexus'

/**
 * `Category.postCount`: how many published posts a category holds, for the site's "All topics" page. Strapi's
 * relation connections carry no totals, and counting published rows is what readers see.
 */
export function categoryPostCountField(nexus: typeof Nexus, strapi: Core.Strapi) {
  return nexus.extendType({
    type: 'Category',
    definition(t) {
      t.nonNull.int('postCount', {
        description: 'How many published posts are in this category.',
        resolve: (category: { id: number }) => strapi.db.query('api::post.post').count({ where: { categories: { id: category.id }, publishedAt: { $notNull: true } } }),
      })
    },
  })
}

export const categoryPostCountConfig = { 'Category.postCount': { auth: false } }
