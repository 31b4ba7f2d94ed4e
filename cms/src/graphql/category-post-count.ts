import type { Core } from '@strapi/strapi'
import type * as Nexus from 'nexus'
import type { Knex } from '../search/store'

const POST = 'api::post.post'

/**
 * Every category's count of published posts, in one grouped query over the link table: a count per category cost
 * 0.3 s each at 100,000 posts (Strapi joins posts, links and categories for every one), and the "All topics" page
 * asks for all of them at once.
 */
async function publishedCounts(strapi: Core.Strapi): Promise<Map<number, number>> {
  const meta = strapi.db.metadata.get(POST)
  const links = (meta.attributes.categories as unknown as { joinTable: { name: string } }).joinTable.name
  const db = strapi.db.connection as unknown as Knex
  const rows = await db(`${links} as l`)
    .join(`${meta.tableName} as p`, 'p.id', 'l.post_id')
    .whereNotNull('p.published_at')
    .groupBy('l.category_id')
    .select('l.category_id as id')
    .count('* as n') as Array<{ id: number, n: number | string }>
  return new Map(rows.map(row => [Number(row.id), Number(row.n)]))
}

/** One grouped count per GraphQL request, however many categories it lists. */
const countsByRequest = new WeakMap<object, Promise<Map<number, number>>>()

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
        resolve: async (category: { id: number }, _args: unknown, context: object) => {
          let counts = countsByRequest.get(context)
          if (!counts) {
            counts = publishedCounts(strapi)
            countsByRequest.set(context, counts)
          }
          return (await counts).get(category.id) ?? 0
        },
      })
    },
  })
}

export const categoryPostCountConfig = { 'Category.postCount': { auth: false } }
