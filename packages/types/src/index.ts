/**
 * The domain types every Pressroom consumer speaks (the site, the feeds, third parties).
 * The sdk maps GraphQL results onto these in one place, so schema drift is a compile error.
 */

/** One rendition of an image (Strapi generates thumbnail/small/medium/large on upload). */
export interface ImageFormat {
  url: string
  width: number
  height: number
}

export interface Image {
  url: string
  /** Always present: the CMS requires alt text before a cover can be published. */
  alt: string
  width: number | null
  height: number | null
  mime: string | null
  /** Smaller renditions, narrowest first — ready for `srcset`. */
  formats: ImageFormat[]
}

export interface Seo {
  metaTitle: string | null
  metaDescription: string | null
  shareImage: Image | null
  canonicalUrl: string | null
  noIndex: boolean
}

export interface AuthorLink {
  label: string
  url: string
}

export interface AuthorSummary {
  documentId: string
  name: string
  slug: string
  avatar: Image | null
}

export interface Author extends AuthorSummary {
  bio: string | null
  jobTitle: string | null
  links: AuthorLink[]
}

export interface Category {
  documentId: string
  name: string
  slug: string
  description: string | null
}

/** A category on the "All topics" page: with how many published posts it holds. */
export interface CategoryWithPostCount extends Category {
  postCount: number
}

/** The most categories the site header shows; every category is on the "All topics" page. */
export const NAVIGATION_LIMIT = 6

/** What a list of posts needs: a card, a feed item without its body. */
export interface PostSummary {
  documentId: string
  slug: string
  title: string
  /** The editor's excerpt, or one derived from the body when the editor left it empty. */
  excerpt: string
  /** The publication date readers see (ISO 8601). Lists sort by it. */
  date: string
  readingTimeMinutes: number
  featured: boolean
  cover: Image | null
  author: AuthorSummary | null
  categories: Category[]
}

export interface Post extends PostSummary {
  /** Safe HTML rendered from the body by @pressroom/richtext. */
  bodyHtml: string
  updatedAt: string
  seo: Seo | null
}

/** One page of a paginated list, with totals for pagination controls. */
export interface Page<T> {
  items: T[]
  page: number
  pageSize: number
  pageCount: number
  total: number
}

/** A post found by search, with about 30 words of its text around the matches. */
export interface SearchHit {
  post: PostSummary
  /** HTML whose only markup is <mark> around matched words; all text is escaped. */
  snippet: string
}

/**
 * The body of the `post.published` webhook the CMS sends to newsletter tools and other receivers, once per post
 * (see the developer documentation). Every URL is absolute.
 */
export interface PostPublishedEvent {
  /** The event's id, the same on every retry: receivers deduplicate on it (it is also the `webhook-id` header). */
  id: string
  type: 'post.published'
  /** When the event was created (ISO 8601). */
  createdAt: string
  data: {
    documentId: string
    slug: string
    /** The post on the site. */
    url: string
    title: string
    excerpt: string
    /** The body as safe HTML (escaped text, only http(s)/mailto/tel links), with absolute URLs. */
    html: string
    image: { url: string, alt: string, width: number | null, height: number | null } | null
    author: { name: string, slug: string, url: string } | null
    categories: Array<{ name: string, slug: string, url: string }>
    /** When the post went public (ISO 8601). */
    publishedAt: string
    /** The publication date readers see (ISO 8601); it can differ from publishedAt for back-dated posts. */
    date: string
  }
}

/** Where the site shows each kind of content: one definition for the site, the feeds and the CMS's webhook. */
export const sitePaths = {
  post: (slug: string) => `/posts/${encodeURIComponent(slug)}`,
  author: (slug: string) => `/authors/${encodeURIComponent(slug)}`,
  category: (slug: string) => `/categories/${encodeURIComponent(slug)}`,
}

/** The kinds of content a preview link can open, each at its `sitePaths` page. */
export type PreviewType = keyof typeof sitePaths

/**
 * What a preview link opens: one document, by its documentId. The CMS signs these claims as a short-lived JWT
 * (HS256, audience `PREVIEW_AUDIENCE`, with an expiry) with the secret it shares with the site; the site checks it.
 */
export interface PreviewClaims {
  type: PreviewType
  documentId: string
}

export const PREVIEW_AUDIENCE = 'pressroom-preview'

/** An old address on the site and where it now leads: a path on the site or an absolute URL. */
export interface Redirect {
  from: string
  to: string
  statusCode: 301 | 302
}

/**
 * The form a redirect's `from` is stored and looked up in: a path with no trailing slash (but "/"), no query, no
 * fragment — so `/2025/12/01/some-post/` and `/2025/12/01/some-post` are the same old address.
 */
export function redirectPath(path: string): string {
  const bare = path.split(/[?#]/, 1)[0] ?? ''
  return bare.length > 1 ? bare.replace(/\/+$/, '') || '/' : bare
}
