import { defineCollection, defineContentConfig, z } from '@nuxt/content'

// The site's own pages: web/content/*.md, served at /<file name>.
export default defineContentConfig({
  collections: {
    pages: defineCollection({
      type: 'page',
      source: '*.md',
      schema: z.object({ description: z.string() }),
    }),
  },
})
