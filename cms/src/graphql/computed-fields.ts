import { blocksToHtml, excerptFromBlocks, readingTimeMinutes } from '@pressroom/richtext'
import type * as Nexus from 'nexus'

interface PostRow {
  body?: unknown
  excerpt?: string | null
}

/** The excerpt readers see: the editor's, or one derived from the body. */
export function excerptOf(post: PostRow): string {
  return post.excerpt?.trim() || excerptFromBlocks(post.body)
}

/**
 * Fields every consumer gets computed the same way (site, feeds, third parties), from @pressroom/richtext.
 * `nexus` is the builder the GraphQL plugin hands to extensions.
 */
export function computedPostFields(nexus: typeof Nexus) {
  return nexus.extendType({
    type: 'Post',
    definition(t) {
      t.nonNull.string('bodyHtml', {
        description: 'The body as safe HTML (all text escaped, only http(s)/mailto/tel/relative links).',
        resolve: (post: PostRow) => blocksToHtml(post.body),
      })
      t.nonNull.int('readingTimeMinutes', {
        description: 'Minutes a typical reader needs for the body (at least 1).',
        resolve: (post: PostRow) => readingTimeMinutes(post.body),
      })
    },
  })
}

export const computedFieldResolvers = {
  Post: {
    // Never empty for a post with a body: falls back to the start of the body, cut at a word.
    excerpt: (post: PostRow) => excerptOf(post),
  },
}

export const computedFieldsConfig = {
  'Post.bodyHtml': { auth: false },
  'Post.readingTimeMinutes': { auth: false },
}
