import type { Author, AuthorSummary, Category, CategoryWithPostCount, Page, Post, PostSummary, Redirect, SearchHit } from '@pressroom/types'
import { NAVIGATION_LIMIT, redirectPath } from '@pressroom/types'
import { BadRequestError, NotFoundError } from './errors.js'
import type { PostFiltersInput } from './generated/graphql.js'
import {
  AuthorByIdDocument,
  AuthorBySlugDocument,
  CategoryByIdDocument,
  CategoryBySlugDocument,
  ListAuthorsDocument,
  ListCategoriesDocument,
  ListFullPostsDocument,
  ListPostsDocument,
  NavigationCategoriesDocument,
  PostBySlugDocument,
  PostDraftDocument,
  PostPathGroupsDocument,
  PostPathsDocument,
  RedirectFromDocument,
  SearchPostsDocument,
  TaxonomySlugsDocument,
} from './generated/graphql.js'
import type { ResolveUrl } from './mappers.js'
import { toAuthor, toAuthorSummary, toCategory, toPost, toPostSummary } from './mappers.js'
import type { ClientOptions } from './request.js'
import { createGuardedClient } from './request.js'

/** The API's page-size ceiling (the CMS caps larger requests to it). */
export const MAX_PAGE_SIZE = 100

export interface ListPostsOptions {
  /** 1-based page number (default 1). */
  page?: number
  /** Posts per page, 1–100 (default 10). */
  pageSize?: number
  /** Only posts in this category (slug). */
  category?: string
  /** Only posts by this author (slug). */
  author?: string
  /** Only posts dated at or after this moment: a Date or an ISO 8601 string. */
  since?: Date | string
  /** Only featured (true) or only non-featured (false) posts. */
  featured?: boolean
}

function positiveInteger(name: string, value: number, max = Number.MAX_SAFE_INTEGER): number {
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new BadRequestError(`${name} must be a whole number from 1 to ${max}; got ${value}.`)
  }
  return value
}

function nonNegativeInteger(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 0) throw new BadRequestError(`${name} must be a whole number, 0 or more; got ${value}.`)
  return value
}

function isoDate(value: Date | string): string {
  const date = value instanceof Date ? value : new Date(value)
  if (Number.isNaN(date.getTime())) throw new BadRequestError(`since must be a date (ISO 8601, e.g. 2025-12-01); got "${String(value)}".`)
  return date.toISOString()
}

function postFilters(options: ListPostsOptions): PostFiltersInput | undefined {
  const filters: PostFiltersInput = {}
  if (options.category) filters.categories = { slug: { eq: options.category } }
  if (options.author) filters.author = { slug: { eq: options.author } }
  if (options.since !== undefined) filters.date = { gte: isoDate(options.since) }
  if (options.featured !== undefined) filters.featured = { eq: options.featured }
  return Object.keys(filters).length > 0 ? filters : undefined
}

export interface SearchPostsOptions {
  /** 1-based page number (default 1). */
  page?: number
  /** Hits per page, 1–100 (default 10). */
  pageSize?: number
  /** Only posts in this category (slug). */
  category?: string
}

/** The longest search query the API accepts. */
export const MAX_SEARCH_QUERY_LENGTH = 200

/** The most post paths one `listPostPaths` call returns: the sitemap protocol's 50,000 URLs per sitemap. */
export const MAX_POST_PATHS = 50_000

/** A published post's slug (its page is `sitePaths.post(slug)`) and date (ISO 8601). */
export interface PostPath {
  slug: string
  date: string
}

/** Consecutive published posts in `listPostPaths` order: `count` of them from `offset`, the newest dated `newest`. */
export interface PostPathGroup {
  offset: number
  count: number
  newest: string
}

export interface ListPostPathsOptions {
  /** How many posts to skip, in the API's stable order (oldest first); default 0. */
  offset?: number
  /** How many to return, 1–50,000. */
  limit: number
}

/** Media URLs from Strapi's local provider are relative ("/uploads/…"): make them absolute against the CMS. */
function urlResolver(apiUrl: string, mediaBaseUrl?: string): ResolveUrl {
  const base = mediaBaseUrl ?? new URL(apiUrl).origin
  return url => new URL(url, base).toString()
}

export interface PressroomClientOptions extends ClientOptions {
  /** Base for relative media URLs; defaults to the API's origin. */
  mediaBaseUrl?: string
}

/**
 * A typed client for the Pressroom GraphQL API. Every function returns @pressroom/types domain objects
 * and throws only the named errors in ./errors (NotFoundError, BadRequestError, AccessDeniedError,
 * CmsUnavailableError).
 */
export function createClient(options: PressroomClientOptions) {
  const guard = createGuardedClient(options)
  const resolveUrl = urlResolver(options.url, options.mediaBaseUrl)

  function listVariables(list: ListPostsOptions) {
    return {
      page: positiveInteger('page', list.page ?? 1),
      pageSize: positiveInteger('pageSize', list.pageSize ?? 10, MAX_PAGE_SIZE),
      filters: postFilters(list),
    }
  }

  function toPage<Node, Item>(connection: { nodes: Node[], pageInfo: Omit<Page<Item>, 'items'> } | null | undefined, variables: { page: number, pageSize: number }, map: (node: Node) => Item): Page<Item> {
    const pageInfo = connection?.pageInfo ?? { page: variables.page, pageSize: variables.pageSize, pageCount: 0, total: 0 }
    return { items: (connection?.nodes ?? []).map(map), page: pageInfo.page, pageSize: pageInfo.pageSize, pageCount: pageInfo.pageCount, total: pageInfo.total }
  }

  async function listPosts(list: ListPostsOptions = {}): Promise<Page<PostSummary>> {
    const variables = listVariables(list)
    const data = await guard((client, signal) => client.request({ document: ListPostsDocument, variables, signal }))
    return toPage(data.posts_connection, variables, post => toPostSummary(post, resolveUrl))
  }

  return {
    listPosts,

    /** Posts dated at or after `since`, newest first: what a newsletter needs. */
    postsSince(since: Date | string, list: Omit<ListPostsOptions, 'since'> = {}): Promise<Page<PostSummary>> {
      return listPosts({ ...list, since })
    },

    /**
     * Full-text search over published posts, best match first: words are stemmed and accent-insensitive,
     * "quoted phrases" match as phrases, and the last word matches as a prefix. An empty query finds nothing.
     */
    async searchPosts(query: string, search: SearchPostsOptions = {}): Promise<Page<SearchHit>> {
      if (query.length > MAX_SEARCH_QUERY_LENGTH) {
        throw new BadRequestError(`Search queries can be at most ${MAX_SEARCH_QUERY_LENGTH} characters long (this one has ${query.length}).`)
      }
      const variables = {
        query,
        page: positiveInteger('page', search.page ?? 1),
        pageSize: positiveInteger('pageSize', search.pageSize ?? 10, MAX_PAGE_SIZE),
        category: search.category,
      }
      const data = await guard((client, signal) => client.request({ document: SearchPostsDocument, variables, signal }))
      const result = data.searchPosts
      return {
        items: result.hits.map(hit => ({ post: toPostSummary(hit.post, resolveUrl), snippet: hit.snippet })),
        page: result.page,
        pageSize: result.pageSize,
        pageCount: result.pageCount,
        total: result.total,
      }
    },

    /**
     * Published posts' slugs and dates — nothing else, up to 50,000 in one request — for sitemaps. Oldest first (by
     * date, then documentId), a stable order in which a new post comes last. `total` counts every published post.
     */
    async listPostPaths({ offset = 0, limit }: ListPostPathsOptions): Promise<{ paths: PostPath[], total: number }> {
      const variables = { offset: nonNegativeInteger('offset', offset), limit: positiveInteger('limit', limit, MAX_POST_PATHS) }
      const data = await guard((client, signal) => client.request({ document: PostPathsDocument, variables, signal }))
      const { slugs, dates, total } = data.postPaths
      return { paths: slugs.map((slug, index) => ({ slug, date: dates[index] ?? '' })), total }
    },

    /**
     * Published posts cut into consecutive groups of `size` (1–50,000) in `listPostPaths` order, each with its newest
     * date: the children of a sitemap index. The API returns at most 1,000 groups (BadRequestError for a smaller size).
     */
    async postPathGroups(size: number): Promise<{ groups: PostPathGroup[], total: number }> {
      const variables = { size: positiveInteger('size', size, MAX_POST_PATHS) }
      const data = await guard((client, signal) => client.request({ document: PostPathGroupsDocument, variables, signal }))
      return { groups: data.postPathGroups.groups, total: data.postPathGroups.total }
    },

    /**
     * Every category's and every author's slug (their pages are `sitePaths.category` / `sitePaths.author`), in slug
     * order: what a sitemap needs, without listCategories' post counts. One request per hundred of the longer list.
     */
    async listTaxonomySlugs(): Promise<{ categories: string[], authors: string[] }> {
      const categories: string[] = []
      const authors: string[] = []
      for (let page = 1; ; page++) {
        const data = await guard((client, signal) => client.request({ document: TaxonomySlugsDocument, variables: { page, pageSize: MAX_PAGE_SIZE }, signal }))
        const found = { categories: data.categories.flatMap(category => (category ? [category.slug] : [])), authors: data.authors.flatMap(author => (author ? [author.slug] : [])) }
        categories.push(...found.categories)
        authors.push(...found.authors)
        if (data.categories.length < MAX_PAGE_SIZE && data.authors.length < MAX_PAGE_SIZE) return { categories, authors }
      }
    },

    /** Like listPosts, with each post's full content (bodyHtml, seo): what feeds and digests need. */
    async listFullPosts(list: ListPostsOptions = {}): Promise<Page<Post>> {
      const variables = listVariables(list)
      const data = await guard((client, signal) => client.request({ document: ListFullPostsDocument, variables, signal }))
      return toPage(data.posts_connection, variables, post => toPost(post, resolveUrl))
    },

    async getPost(slug: string): Promise<Post> {
      const data = await guard((client, signal) => client.request({ document: PostBySlugDocument, variables: { slug }, signal }))
      const post = data.posts[0]
      if (!post) throw new NotFoundError('post', slug)
      return toPost(post, resolveUrl)
    },

    /**
     * The current draft of a post by its documentId — what a preview shows, including changes not yet published.
     * Needs a client created with an API token: the public never sees drafts (NotFoundError).
     */
    async getPostDraft(documentId: string): Promise<Post> {
      const data = await guard((client, signal) => client.request({ document: PostDraftDocument, variables: { documentId }, signal }))
      if (!data.post) throw new NotFoundError('post', documentId)
      return toPost(data.post, resolveUrl)
    },

    /** Every category by name, with its count of published posts (read a page of 100 at a time). */
    async listCategories(): Promise<CategoryWithPostCount[]> {
      const categories: CategoryWithPostCount[] = []
      for (let page = 1; ; page++) {
        const data = await guard((client, signal) => client.request({ document: ListCategoriesDocument, variables: { page, pageSize: MAX_PAGE_SIZE }, signal }))
        const found = data.categories.filter(category => category !== null)
        categories.push(...found.map(category => ({ ...toCategory(category), postCount: category.postCount })))
        if (found.length < MAX_PAGE_SIZE) return categories
      }
    },

    /**
     * The categories editors chose for the site header, in their order: by position (unset last), then name, at
     * most NAVIGATION_LIMIT. Sorted here because databases disagree on where NULL positions sort.
     */
    async listNavigationCategories(): Promise<Category[]> {
      const data = await guard((client, signal) => client.request({ document: NavigationCategoriesDocument, signal }))
      return data.categories.filter(category => category !== null)
        .sort((a, b) => (a.navigationPosition ?? Infinity) - (b.navigationPosition ?? Infinity) || a.name.localeCompare(b.name))
        .slice(0, NAVIGATION_LIMIT)
        .map(toCategory)
    },

    async getCategory(slug: string): Promise<Category> {
      const data = await guard((client, signal) => client.request({ document: CategoryBySlugDocument, variables: { slug }, signal }))
      const category = data.categories[0]
      if (!category) throw new NotFoundError('category', slug)
      return toCategory(category)
    },

    async getCategoryById(documentId: string): Promise<Category> {
      const data = await guard((client, signal) => client.request({ document: CategoryByIdDocument, variables: { documentId }, signal }))
      if (!data.category) throw new NotFoundError('category', documentId)
      return toCategory(data.category)
    },

    async listAuthors(): Promise<AuthorSummary[]> {
      const data = await guard((client, signal) => client.request({ document: ListAuthorsDocument, signal }))
      return data.authors.filter(author => author !== null).map(author => toAuthorSummary(author, resolveUrl))
    },

    async getAuthor(slug: string): Promise<Author> {
      const data = await guard((client, signal) => client.request({ document: AuthorBySlugDocument, variables: { slug }, signal }))
      const author = data.authors[0]
      if (!author) throw new NotFoundError('author', slug)
      return toAuthor(author, resolveUrl)
    },

    /** Where an old address of the site now leads (trailing slash and query string ignored), or null. */
    async findRedirect(path: string): Promise<Redirect | null> {
      const data = await guard((client, signal) => client.request({ document: RedirectFromDocument, variables: { from: redirectPath(path) }, signal }))
      const redirect = data.redirects.find(candidate => candidate !== null)
      return redirect ? { from: redirect.from, to: redirect.to, statusCode: redirect.statusCode === 302 ? 302 : 301 } : null
    },

    async getAuthorById(documentId: string): Promise<Author> {
      const data = await guard((client, signal) => client.request({ document: AuthorByIdDocument, variables: { documentId }, signal }))
      if (!data.author) throw new NotFoundError('author', documentId)
      return toAuthor(data.author, resolveUrl)
    },
  }
}

export type PressroomClient = ReturnType<typeof createClient>
