import { decodeHTML } from 'entities'
import type { WxrElement } from './wxr-reader'
import { childRawText, childText } from './wxr-reader'

export interface WordPressAuthor {
  login: string
  displayName: string
}

export interface WordPressTerm {
  kind: 'category' | 'tag'
  slug: string
  name: string
  description: string
}

/** What becomes of a WordPress post here. */
export type ImportedStatus = 'published' | 'draft' | 'scheduled'

export interface WordPressPost {
  postId: number
  title: string
  /** WordPress's `post_name`, decoded ('' for drafts that never had one). */
  slug: string
  /** The post's old address (its permalink), when it had one. */
  link: string | null
  html: string
  excerpt: string
  /** The author's login (`dc:creator`). */
  creator: string
  date: Date
  status: ImportedStatus
  sticky: boolean
  categorySlugs: Array<{ kind: 'category' | 'tag', slug: string, name: string }>
  /** The attachment id of the featured image (`_thumbnail_id`). */
  thumbnailId: number | null
}

export interface WordPressAttachment {
  postId: number
  url: string
  alt: string
  title: string
}

/** An item that is not imported, and why. `skipped` is expected (pages, revisions, trash); `failed` is not. */
export interface ItemProblem {
  item: string
  reason: string
  kind: 'skipped' | 'failed'
}

/** WordPress titles and names are stored HTML-escaped ("Q&amp;A", "&#8217;"); the CMS stores plain text. */
export function plainText(value: string): string {
  return decodeHTML(value).replace(/\s+/g, ' ').trim()
}

export function author(element: WxrElement): WordPressAuthor | null {
  const login = childText(element, 'wp:author_login')
  if (!login) return null
  return { login, displayName: plainText(childText(element, 'wp:author_display_name')) || login }
}

export function term(element: WxrElement, kind: 'category' | 'tag'): WordPressTerm | null {
  const slug = decodeSlug(childText(element, kind === 'category' ? 'wp:category_nicename' : 'wp:tag_slug'))
  const name = plainText(childText(element, kind === 'category' ? 'wp:cat_name' : 'wp:tag_name'))
  if (!slug && !name) return null
  return { kind, slug, name: name || slug, description: plainText(childText(element, kind === 'category' ? 'wp:category_description' : 'wp:tag_description')) }
}

/** WordPress keeps non-ASCII slugs percent-encoded ("%e4%b8%ad%e6%96%87"). */
export function decodeSlug(slug: string): string {
  try {
    return decodeURIComponent(slug)
  }
  catch {
    return slug
  }
}

function meta(element: WxrElement, key: string): string | null {
  for (const child of element.children) {
    if (child.name === 'wp:postmeta' && childText(child, 'wp:meta_key') === key) return childText(child, 'wp:meta_value')
  }
  return null
}

/** "2019-03-05 10:00:00" in UTC (`post_date_gmt`), or the RSS `pubDate`; null when neither is a date. */
function dateOf(element: WxrElement): Date | null {
  const gmt = childText(element, 'wp:post_date_gmt')
  if (/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(gmt) && !gmt.startsWith('0000')) return new Date(`${gmt.replace(' ', 'T')}Z`)
  // Drafts have a zero GMT date; their local date is the best there is.
  const local = childText(element, 'wp:post_date')
  if (/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(local) && !local.startsWith('0000')) return new Date(`${local.replace(' ', 'T')}Z`)
  const pubDate = Date.parse(childText(element, 'pubDate'))
  return Number.isNaN(pubDate) ? null : new Date(pubDate)
}

const STATUSES: Record<string, ImportedStatus> = { publish: 'published', future: 'scheduled', draft: 'draft', pending: 'draft', private: 'draft' }
const SKIPPED_STATUSES: Record<string, string> = { 'trash': 'it is in WordPress\'s trash', 'auto-draft': 'it is an unsaved auto-draft', 'inherit': 'it is a revision' }

/** How reports name an item: its title and WordPress id, and the line it starts on. */
export function itemLabel(element: WxrElement): string {
  const title = plainText(childText(element, 'title'))
  const id = childText(element, 'wp:post_id')
  return `${title ? `"${title}"` : '(untitled)'} (${id ? `WordPress id ${id}, ` : ''}line ${element.line})`
}

export type ParsedItem =
  | { kind: 'post', post: WordPressPost }
  | { kind: 'attachment', attachment: WordPressAttachment }
  | { kind: 'problem', problem: ItemProblem }

/** An `<item>` of the export as a post, an attachment, or the reason it is not imported. */
export function parseItem(element: WxrElement): ParsedItem {
  const label = itemLabel(element)
  const problem = (kind: ItemProblem['kind'], reason: string): ParsedItem => ({ kind: 'problem', problem: { item: label, reason, kind } })
  const type = childText(element, 'wp:post_type') || 'post'
  const postId = Number(childText(element, 'wp:post_id'))
  if (!Number.isInteger(postId) || postId <= 0) return problem('failed', 'it has no WordPress post id (<wp:post_id>), so it could not be imported again without a copy')

  if (type === 'attachment') {
    const url = childText(element, 'wp:attachment_url')
    if (!url) return problem('failed', 'the attachment has no file address (<wp:attachment_url>)')
    return { kind: 'attachment', attachment: { postId, url, alt: plainText(meta(element, '_wp_attachment_image_alt') ?? ''), title: plainText(childText(element, 'title')) } }
  }
  if (type !== 'post') return problem('skipped', `it is a ${type === 'page' ? 'page' : `"${type}" item`}; Pressroom imports posts`)

  const wpStatus = childText(element, 'wp:status') || 'draft'
  if (SKIPPED_STATUSES[wpStatus]) return problem('skipped', SKIPPED_STATUSES[wpStatus]!)
  let status = STATUSES[wpStatus]
  if (!status) return problem('failed', `its status "${wpStatus}" is not one WordPress writes (publish, future, draft, pending, private)`)
  // A password-protected post was never public: it comes over as a draft, so nothing private goes on the site.
  if (childText(element, 'wp:post_password')) status = 'draft'

  const title = plainText(childText(element, 'title'))
  if (!title) return problem('failed', 'it has no title')
  const date = dateOf(element)
  if (!date) return problem('failed', 'it has no date Pressroom can read (<wp:post_date_gmt>, <wp:post_date> or <pubDate>)')
  const html = childRawText(element, 'content:encoded')
  if (!html.trim()) return problem('failed', 'its body (<content:encoded>) is empty')

  const thumbnail = Number(meta(element, '_thumbnail_id'))
  return {
    kind: 'post',
    post: {
      postId,
      title,
      slug: decodeSlug(childText(element, 'wp:post_name')),
      link: status === 'published' ? childText(element, 'link') || null : null,
      html,
      excerpt: plainText(childRawText(element, 'excerpt:encoded')),
      creator: childText(element, 'dc:creator'),
      date,
      status,
      sticky: childText(element, 'wp:is_sticky') === '1',
      categorySlugs: element.children
        .filter(child => child.name === 'category' && (child.attributes.domain === 'category' || child.attributes.domain === 'post_tag'))
        .map(child => ({ kind: child.attributes.domain === 'category' ? 'category' as const : 'tag' as const, slug: decodeSlug(child.attributes.nicename ?? ''), name: plainText(child.text) })),
      thumbnailId: Number.isInteger(thumbnail) && thumbnail > 0 ? thumbnail : null,
    },
  }
}
