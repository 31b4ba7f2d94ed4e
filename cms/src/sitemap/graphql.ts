import type { Core } from '@strapi/strapi'
import { errors } from '@strapi/utils'
import type * as Nexus from 'nexus'
import { MAX_POST_PATH_GROUPS, MAX_POST_PATHS, postPathStore, tooManyGroups } from './post-paths'

/** A whole number in [min, max], or a ValidationError (BAD_USER_INPUT) that says what is allowed. */
function wholeNumber(name: string, value: number | null | undefined, min: number, max = Infinity): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    const range = max === Infinity ? `${min} or more` : `from ${min} to ${max.toLocaleString('en-US')}`
    throw new errors.ValidationError(`${name} must be a whole number ${range}; got ${String(value)}.`)
  }
  return value
}

const ORDER = 'Oldest first — by date (the moment of publishing when the date is empty), then documentId — so a new post comes last.'

/** `postPaths` and `postPathGroups`: every published post's slug and date, for sitemaps, without loading the posts. */
export function sitemapTypes(nexus: typeof Nexus) {
  return [
    nexus.objectType({
      name: 'PostPathList',
      description: 'Published posts\' slugs (each post\'s page is /posts/<slug>) and dates, as two lists in the same order — '
        + 'lean enough for 50,000 posts in one answer.',
      definition(t) {
        t.nonNull.list.nonNull.string('slugs')
        t.nonNull.list.nonNull.field('dates', { type: 'DateTime', description: 'Each post\'s date (when it has none, the moment it was published), in the order of slugs.' })
        t.nonNull.int('total', { description: 'Published posts in all.' })
      },
    }),
    nexus.objectType({
      name: 'PostPathGroup',
      description: 'Consecutive published posts in postPaths order: `count` of them from `offset`.',
      definition(t) {
        t.nonNull.int('offset')
        t.nonNull.int('count')
        t.nonNull.field('newest', { type: 'DateTime', description: 'The latest date among them.' })
      },
    }),
    nexus.objectType({
      name: 'PostPathGroups',
      definition(t) {
        t.nonNull.list.nonNull.field('groups', { type: 'PostPathGroup' })
        t.nonNull.int('total', { description: 'Published posts in all.' })
      },
    }),
    nexus.extendType({
      type: 'Query',
      definition(t) {
        t.nonNull.field('postPaths', {
          type: 'PostPathList',
          description: `Published posts' slugs and dates, for sitemaps: lean (no other fields), up to ${MAX_POST_PATHS.toLocaleString('en-US')} per request. ${ORDER} `
            + `A larger limit is refused (BAD_USER_INPUT).`,
          args: {
            offset: nexus.intArg({ default: 0 }),
            limit: nexus.nonNull(nexus.intArg()),
          },
        })
        t.nonNull.field('postPathGroups', {
          type: 'PostPathGroups',
          description: `Published posts cut into consecutive groups of \`size\` in postPaths order, with each group's newest date: the children of a sitemap index. `
            + `size is 1 to ${MAX_POST_PATHS.toLocaleString('en-US')}; a size that would make more than ${MAX_POST_PATH_GROUPS.toLocaleString('en-US')} groups is refused (BAD_USER_INPUT).`,
          args: {
            size: nexus.nonNull(nexus.intArg()),
          },
        })
      },
    }),
  ]
}

export function sitemapResolvers(strapi: Core.Strapi) {
  const store = postPathStore(strapi)
  return {
    Query: {
      async postPaths(_parent: unknown, args: { offset?: number | null, limit: number }) {
        const offset = wholeNumber('offset', args.offset ?? 0, 0)
        const limit = wholeNumber('limit', args.limit, 1, MAX_POST_PATHS)
        const [paths, total] = await Promise.all([store.list(offset, limit), store.count()])
        return { ...paths, total }
      },

      async postPathGroups(_parent: unknown, args: { size: number }) {
        const size = wholeNumber('size', args.size, 1, MAX_POST_PATHS)
        const total = await store.count()
        const refused = tooManyGroups(total, size)
        if (refused) throw new errors.ValidationError(refused)
        return { groups: total === 0 ? [] : await store.groups(size), total }
      },
    },
  }
}

/** Public, like the posts they list: published slugs and dates only. */
export const sitemapResolversConfig = {
  'Query.postPaths': { auth: false },
  'Query.postPathGroups': { auth: false },
}
