import type { Post } from '@pressroom/types'

/**
 * Title, description, canonical URL, OpenGraph/Twitter cards and JSON-LD `BlogPosting` for a post, from its
 * `seo` fields with fallbacks to the title, excerpt and cover.
 */
export function usePostSeo(post: Ref<Post>) {
  // The server renders the <head> and nothing changes it in the browser (app/plugins/head.client.ts): the browser
  // bundle leaves all of it out.
  if (import.meta.server) {
    const description = computed(() => post.value.seo?.metaDescription || post.value.excerpt)
    useSeoMeta({ title: () => post.value.seo?.metaTitle || post.value.title, description })
    crawlerTags(post, description)
  }
}

function crawlerTags(post: Ref<Post>, description: Ref<string>) {
  const { public: site } = useRuntimeConfig()
  const route = useRoute()
  const canonical = computed(() => post.value.seo?.canonicalUrl || new URL(route.path, site.siteUrl).toString())
  const image = computed(() => post.value.seo?.shareImage ?? post.value.cover)

  useSeoMeta({
    ogType: 'article',
    ogTitle: () => post.value.seo?.metaTitle || post.value.title,
    ogDescription: description,
    ogUrl: canonical,
    ogSiteName: site.siteName,
    ogImage: () => image.value?.url,
    ogImageAlt: () => image.value?.alt,
    twitterCard: 'summary_large_image',
    articlePublishedTime: () => post.value.date,
    articleModifiedTime: () => post.value.updatedAt,
    robots: () => (post.value.seo?.noIndex ? 'noindex, follow' : 'index, follow'),
  })
  useHead({
    link: [{ rel: 'canonical', href: canonical }],
    script: [{
      type: 'application/ld+json',
      innerHTML: () => jsonLd({
        '@context': 'https://schema.org',
        '@type': 'BlogPosting',
        'headline': post.value.title,
        'description': description.value,
        'image': image.value ? [image.value.url] : undefined,
        'datePublished': post.value.date,
        'dateModified': post.value.updatedAt,
        'mainEntityOfPage': canonical.value,
        'author': post.value.author ? { '@type': 'Person', 'name': post.value.author.name, 'url': new URL(sitePaths.author(post.value.author.slug), site.siteUrl).toString() } : undefined,
        'publisher': { '@type': 'Organization', 'name': site.siteName, 'url': site.siteUrl },
      }),
    }],
  })
}
