import { Readable } from 'node:stream'
import { setImmediate as nextTurn } from 'node:timers/promises'
import type { PostPathGroup } from '@pressroom/sdk'
import { BadRequestError } from '@pressroom/sdk'
import { sitePaths } from '@pressroom/types'
import type { H3Event } from 'h3'
import type { IndexItem, SitemapItemLoose } from 'sitemap'
import { SitemapIndexStream, SitemapStream, streamToPromise } from 'sitemap'
import type { SitemapSection } from './sitemap-paths'
import { sitemapChildPath } from './sitemap-paths'

/**
 * The sitemap protocol's limits for one file: 50,000 URLs and 50 MB uncompressed (sitemaps.org). Past
 * NUXT_SITEMAP_MAX_URLS URLs in all (default and most 50,000), /sitemap.xml becomes a sitemap index of children that
 * each hold at most that many.
 */
export const SITEMAP_PROTOCOL_MAX_URLS = 50_000
export const SITEMAP_PROTOCOL_MAX_BYTES = 50 * 1024 * 1024

/** The site's own pages (Markdown in web/content/ and the lists), before categories and authors. */
const SITE_PAGES = ['/', '/categories', '/about', '/contact', '/privacy', '/developers']

/** The most groups the CMS's postPathGroups returns, so the most posts children there can be. */
const MAX_POST_PARTS = 1_000

/**
 * URLs per child of the index. Smaller than the protocol allows: a child of 10,000 is written in about 0.2 s and
 * stays under the hot lane's 2 MB (one of 50,000 took about 1 s and 5.5 MB at 100,000 posts, measured).
 */
const CHILD_MAX_URLS = 10_000
const childSizeFor = (cap: number) => Math.min(cap, CHILD_MAX_URLS)

/** Items handed to the XML writer between two turns of the event loop: 50,000 URLs never hold it for long. */
const ITEMS_PER_TURN = 1_000

let warned = false

/** NUXT_SITEMAP_MAX_URLS as a whole number from 1 to 50,000 (anything else: the protocol's 50,000, with a warning). */
export function sitemapMaxUrls(): number {
  const configured = Number(useRuntimeConfig().sitemapMaxUrls)
  if (Number.isInteger(configured) && configured >= 1 && configured <= SITEMAP_PROTOCOL_MAX_URLS) return configured
  if (!warned) {
    warned = true
    console.warn(`[sitemap] NUXT_SITEMAP_MAX_URLS must be a whole number from 1 to ${SITEMAP_PROTOCOL_MAX_URLS}; got ${String(useRuntimeConfig().sitemapMaxUrls)}. Using ${SITEMAP_PROTOCOL_MAX_URLS}.`)
  }
  return SITEMAP_PROTOCOL_MAX_URLS
}

/** What the sitemap holds, read in two requests: the page paths, and the published posts' groups of `childSize`. */
interface SitemapPlan {
  cap: number
  /** URLs per child once /sitemap.xml is an index. */
  childSize: number
  pages: string[]
  postTotal: number
  postGroups: PostPathGroup[]
  /** More URLs than one file may hold: /sitemap.xml is an index. */
  indexed: boolean
}

async function sitemapPlan(event: H3Event): Promise<SitemapPlan> {
  const cap = sitemapMaxUrls()
  return fromCms(event, async (cms) => {
    // Categories' and authors' slugs in one request (not listCategories: its post counts cost a query per category);
    // the posts only counted and grouped, never loaded here.
    const groups = cms.postPathGroups(childSizeFor(cap)).catch((error: unknown) => {
      // More than MAX_POST_PARTS children: the site's configuration is wrong, not the crawler's request.
      if (error instanceof BadRequestError) throw new Error(`[sitemap] NUXT_SITEMAP_MAX_URLS=${cap} is too small: ${error.message}`, { cause: error })
      throw error
    })
    const [taxonomy, posts] = await Promise.all([cms.listTaxonomySlugs(), groups])
    const pages = [...SITE_PAGES, ...taxonomy.categories.map(slug => sitePaths.category(slug)), ...taxonomy.authors.map(slug => sitePaths.author(slug))]
    return { cap, childSize: childSizeFor(cap), pages, postTotal: posts.total, postGroups: posts.groups, indexed: pages.length + posts.total > cap }
  })
}

/** Parts of a section: ceil(count / cap). */
const partsOf = (count: number, cap: number) => Math.ceil(count / cap)

/** Yields the items, letting the event loop turn every ITEMS_PER_TURN, so other requests are answered meanwhile. */
async function* inTurns<T>(items: readonly T[]): AsyncGenerator<T> {
  for (let index = 0; index < items.length; index += 1) {
    if (index > 0 && index % ITEMS_PER_TURN === 0) await nextTurn()
    yield items[index]!
  }
}

function checkedSize(xml: Buffer, what: string): string {
  // With slugs of at most 120 characters a URL takes under 400 bytes: 50,000 of them stay far below 50 MB.
  if (xml.length > SITEMAP_PROTOCOL_MAX_BYTES) {
    throw new Error(`[sitemap] ${what} is ${xml.length} bytes, over the protocol's 50 MB: lower NUXT_SITEMAP_MAX_URLS.`)
  }
  return xml.toString('utf8')
}

/** A `<urlset>` of these URLs (site paths, made absolute on the site's origin), in the sitemaps.org namespace only. */
async function urlset(items: readonly SitemapItemLoose[], what: string): Promise<string> {
  const stream = new SitemapStream({ hostname: useRuntimeConfig().public.siteUrl, xmlns: { news: false, xhtml: false, image: false, video: false } })
  return checkedSize(await streamToPromise(Readable.from(inTurns(items)).pipe(stream)), what)
}

const setXml = (event: H3Event) => setResponseHeader(event, 'content-type', 'application/xml; charset=utf-8')

/**
 * GET /sitemap.xml: every page, category, author and published post in one `<urlset>` while they fit in one file;
 * past the cap, a `<sitemapindex>` of the children — the pages', then the posts' in parts of `childSize` (oldest posts
 * first, so a new post changes only the last part), each with its newest post's date as `lastmod`.
 */
export async function sendSitemap(event: H3Event): Promise<string> {
  const plan = await sitemapPlan(event)
  setXml(event)
  const siteUrl = useRuntimeConfig().public.siteUrl
  if (!plan.indexed) {
    const posts = plan.postTotal === 0 ? [] : (await fromCms(event, cms => cms.listPostPaths({ offset: 0, limit: plan.cap }))).paths
    return urlset([...plan.pages.map(url => ({ url })), ...posts.map(post => ({ url: sitePaths.post(post.slug), lastmod: post.date }))], '/sitemap.xml')
  }
  const children: IndexItem[] = [
    ...Array.from({ length: partsOf(plan.pages.length, plan.childSize) }, (_, index) => ({ url: new URL(sitemapChildPath('pages', index + 1), siteUrl).toString() })),
    ...plan.postGroups.map((group, index) => ({ url: new URL(sitemapChildPath('posts', index + 1), siteUrl).toString(), lastmod: group.newest })),
  ]
  return checkedSize(await streamToPromise(Readable.from(children).pipe(new SitemapIndexStream())), '/sitemap.xml')
}

/**
 * GET /sitemap-pages-N.xml and /sitemap-posts-N.xml: one child of the index, read from the CMS in one request for
 * posts (≤ childSize slugs and dates). A child the index does not list — past the last part, or any while /sitemap.xml is
 * a single file — is a 404.
 */
export async function sendSitemapChild(event: H3Event, section: SitemapSection, part: number): Promise<string> {
  const size = childSizeFor(sitemapMaxUrls())
  const offset = (part - 1) * size
  const what = sitemapChildPath(section, part)
  if (section === 'posts' && part > MAX_POST_PARTS) throw createError({ statusCode: 404, statusMessage: 'Not Found', message: `There is no ${what}. /sitemap.xml lists the sitemaps.` })
  // A part's posts depend only on its number: read them beside the plan rather than after it.
  const postPaths = section === 'posts' ? fromCms(event, cms => cms.listPostPaths({ offset, limit: size })) : undefined
  postPaths?.catch(() => {}) // awaited below, unless the plan fails or the part does not exist
  const plan = await sitemapPlan(event)
  const parts = plan.indexed ? partsOf(section === 'pages' ? plan.pages.length : plan.postTotal, size) : 0
  if (part > parts) {
    const known = parts === 0 ? 'there are none' : `the last is ${sitemapChildPath(section, parts)}`
    throw createError({ statusCode: 404, statusMessage: 'Not Found', message: `There is no ${what}: ${known}. /sitemap.xml lists the sitemaps.` })
  }
  const items: SitemapItemLoose[] = postPaths
    ? (await postPaths).paths.map(post => ({ url: sitePaths.post(post.slug), lastmod: post.date }))
    : plan.pages.slice(offset, offset + size).map(url => ({ url }))
  // Posts unpublished since the plan was read may have emptied the last part.
  if (items.length === 0) throw createError({ statusCode: 404, statusMessage: 'Not Found', message: `There is no ${what} any more. /sitemap.xml lists the sitemaps.` })
  setXml(event)
  return urlset(items, what)
}
