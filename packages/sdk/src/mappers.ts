import type { Author, AuthorSummary, Category, Image, ImageFormat, Post, PostSummary, Seo } from '@pressroom/types'
import type {
  AuthorFullFragment,
  AuthorSummaryFragment,
  CategoryFieldsFragment,
  ImageFragment,
  PostFullFragment,
  PostSummaryFragment,
} from './generated/graphql.js'

/**
 * The one place GraphQL result shapes become domain types: a schema change that breaks a consumer's
 * expectations fails to compile here.
 */
export type ResolveUrl = (url: string) => string

function present<T>(value: T | null | undefined): value is T {
  return value !== null && value !== undefined
}

function isFormat(value: unknown): value is { url: string, width: number, height: number } {
  if (typeof value !== 'object' || value === null) return false
  const format = value as Record<string, unknown>
  return typeof format.url === 'string' && typeof format.width === 'number' && typeof format.height === 'number'
}

export function toImage(image: ImageFragment | null | undefined, resolveUrl: ResolveUrl): Image | null {
  if (!image) return null
  const formats: ImageFormat[] = Object.values(typeof image.formats === 'object' && image.formats !== null ? image.formats : {})
    .filter(isFormat)
    .map(format => ({ url: resolveUrl(format.url), width: format.width, height: format.height }))
    .sort((a, b) => a.width - b.width)
  return {
    url: resolveUrl(image.url),
    alt: image.alternativeText ?? '',
    width: image.width,
    height: image.height,
    mime: image.mime,
    formats,
  }
}

export function toCategory(category: CategoryFieldsFragment): Category {
  return { documentId: category.documentId, name: category.name, slug: category.slug, description: category.description }
}

export function toAuthorSummary(author: AuthorSummaryFragment, resolveUrl: ResolveUrl): AuthorSummary {
  return { documentId: author.documentId, name: author.name, slug: author.slug, avatar: toImage(author.avatar, resolveUrl) }
}

export function toAuthor(author: AuthorFullFragment, resolveUrl: ResolveUrl): Author {
  return {
    ...toAuthorSummary(author, resolveUrl),
    jobTitle: author.jobTitle,
    bio: author.bio,
    links: (author.links ?? []).filter(present).map(link => ({ label: link.label, url: link.url })),
  }
}

export function toPostSummary(post: PostSummaryFragment, resolveUrl: ResolveUrl): PostSummary {
  return {
    documentId: post.documentId,
    slug: post.slug,
    title: post.title,
    excerpt: post.excerpt ?? '',
    // `date` is filled on first publish; publishedAt covers rows written before that rule existed.
    date: post.date ?? post.publishedAt ?? '',
    readingTimeMinutes: post.readingTimeMinutes,
    featured: post.featured,
    cover: toImage(post.cover, resolveUrl),
    author: post.author ? { documentId: post.author.documentId, name: post.author.name, slug: post.author.slug, avatar: null } : null,
    categories: post.categories.filter(present).map(toCategory),
  }
}

function toSeo(seo: PostFullFragment['seo'], resolveUrl: ResolveUrl): Seo | null {
  if (!seo) return null
  return {
    metaTitle: seo.metaTitle,
    metaDescription: seo.metaDescription,
    canonicalUrl: seo.canonicalUrl,
    noIndex: seo.noIndex ?? false,
    shareImage: toImage(seo.shareImage, resolveUrl),
  }
}

export function toPost(post: PostFullFragment, resolveUrl: ResolveUrl): Post {
  return {
    ...toPostSummary(post, resolveUrl),
    author: post.author ? toAuthorSummary(post.author, resolveUrl) : null,
    bodyHtml: post.bodyHtml,
    updatedAt: post.updatedAt ?? post.publishedAt ?? '',
    seo: toSeo(post.seo, resolveUrl),
  }
}
