import { z } from 'zod'

/**
 * What the importer accepts in each Markdown file's front matter. The messages name the field and say
 * what to write, because an editor reads them in the import report.
 */
const slugRule = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'use lowercase words joined by hyphens, e.g. "my-first-post"')

const imageFields = {
  alt: z.string().trim().min(1).max(250),
}

export const postFrontMatter = z.object({
  title: z.string({ error: 'a title is required' }).trim().min(1, 'the title is empty').max(120, 'the title is longer than 120 characters'),
  slug: slugRule.max(120).optional(),
  date: z.coerce.date({ error: 'date must be a date such as 2025-12-01 or 2025-12-01T09:00:00Z' }).optional(),
  author: z.string({ error: 'an author (the author\'s name) is required' }).trim().min(1, 'the author is empty'),
  categories: z.array(z.string().trim().min(1)).default([]),
  excerpt: z.string().trim().max(300, 'the excerpt is longer than 300 characters').optional(),
  cover: z.string().trim().min(1).optional(),
  coverAlt: imageFields.alt.optional(),
  featured: z.boolean().default(false),
  draft: z.boolean().default(false),
  seo: z.object({
    metaTitle: z.string().max(60, 'seo.metaTitle is longer than 60 characters').optional(),
    metaDescription: z.string().min(50, 'seo.metaDescription needs at least 50 characters').max(160, 'seo.metaDescription is longer than 160 characters').optional(),
    canonicalUrl: z.url({ protocol: /^https?$/ }).optional(),
    noIndex: z.boolean().optional(),
  }).optional(),
}).refine(post => !post.cover || post.coverAlt, { message: 'coverAlt (the cover image\'s alternative text) is required when a cover is set', path: ['coverAlt'] })

export const authorFrontMatter = z.object({
  name: z.string({ error: 'a name is required' }).trim().min(1).max(80),
  slug: slugRule.max(80).optional(),
  jobTitle: z.string().trim().max(80).optional(),
  avatar: z.string().trim().min(1).optional(),
  avatarAlt: imageFields.alt.optional(),
  links: z.array(z.object({ label: z.string().trim().min(1).max(40), url: z.url({ protocol: /^https?$/ }) })).default([]),
})

export const categoryFrontMatter = z.object({
  name: z.string({ error: 'a name is required' }).trim().min(1).max(40),
  slug: slugRule.max(40).optional(),
  description: z.string().trim().max(300).optional(),
  /** The topic's place in the site header (1 first); absent: listed only on the "All topics" page. */
  navigation: z.number({ error: 'navigation must be a position in the header, such as 1' }).int().min(1).max(99).optional(),
})

export type PostFrontMatter = z.infer<typeof postFrontMatter>
export type AuthorFrontMatter = z.infer<typeof authorFrontMatter>
export type CategoryFrontMatter = z.infer<typeof categoryFrontMatter>

/** One line per problem: "title: the title is empty; coverAlt: …". */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map(issue => `${issue.path.join('.') || 'front matter'}: ${issue.message}`).join('; ')
}
