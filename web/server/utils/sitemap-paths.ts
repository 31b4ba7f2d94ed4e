/** A child sitemap of the index: the site's pages (categories and authors included) or the posts, in parts. */
export type SitemapSection = 'pages' | 'posts'

/** `/sitemap-posts-2.xml` → { section: 'posts', part: 2 }; anything else (`-0`, `-01`, other names) → undefined. */
export function parseSitemapChild(path: string): { section: SitemapSection, part: number } | undefined {
  const match = /^\/sitemap-(pages|posts)-([1-9]\d{0,8})\.xml$/.exec(path)
  return match ? { section: match[1] as SitemapSection, part: Number(match[2]) } : undefined
}

export const sitemapChildPath = (section: SitemapSection, part: number) => `/sitemap-${section}-${part}.xml`
