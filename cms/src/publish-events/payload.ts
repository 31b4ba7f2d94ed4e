import { absoluteUrlsInHtml, blocksToHtml } from '@pressroom/richtext'
import type { PostPublishedEvent } from '@pressroom/types'
import { sitePaths } from '@pressroom/types'
import type { Core } from '@strapi/strapi'
import { excerptOf } from '../graphql/computed-fields'

interface PublishedPost {
  documentId: string
  slug: string
  title: string
  excerpt?: string | null
  body?: unknown
  date?: string | null
  publishedAt: string
  cover?: { url: string, alternativeText?: string | null, width?: number | null, height?: number | null } | null
  author?: { name: string, slug: string } | null
  categories?: Array<{ name: string, slug: string }> | null
}

const POPULATE = {
  cover: { fields: ['url', 'alternativeText', 'width', 'height'] },
  author: { fields: ['name', 'slug'] },
  categories: { fields: ['name', 'slug'] },
}

export const eventIdOf = (documentId: string) => `post.published.${documentId}`

/** The `post.published` event for a post's published version, or null when it is not published (any more). */
export async function postPublishedEvent(strapi: Core.Strapi, documentId: string, siteUrl: string): Promise<PostPublishedEvent | null> {
  const post = await strapi.documents('api::post.post').findOne({ documentId, status: 'published', populate: POPULATE } as never) as unknown as PublishedPost | null
  if (!post) return null
  // Uploads are served by the CMS (or an absolute provider URL); pages by the site.
  const mediaUrl = strapi.config.get('server.url') as string
  const onSite = (path: string) => new URL(path, siteUrl).toString()
  return {
    id: eventIdOf(documentId),
    type: 'post.published',
    createdAt: new Date().toISOString(),
    data: {
      documentId,
      slug: post.slug,
      url: onSite(sitePaths.post(post.slug)),
      title: post.title,
      excerpt: excerptOf(post),
      html: absoluteUrlsInHtml(blocksToHtml(post.body), siteUrl, mediaUrl),
      image: post.cover
        ? { url: new URL(post.cover.url, mediaUrl).toString(), alt: post.cover.alternativeText ?? '', width: post.cover.width ?? null, height: post.cover.height ?? null }
        : null,
      author: post.author ? { name: post.author.name, slug: post.author.slug, url: onSite(sitePaths.author(post.author.slug)) } : null,
      categories: (post.categories ?? []).map(category => ({ name: category.name, slug: category.slug, url: onSite(sitePaths.category(category.slug)) })),
      publishedAt: new Date(post.publishedAt).toISOString(),
      date: new Date(post.date ?? post.publishedAt).toISOString(),
    },
  }
}
