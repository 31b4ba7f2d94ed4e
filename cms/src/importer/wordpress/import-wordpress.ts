import { createHash } from 'node:crypto'
import path from 'node:path'
import type { Block, ImageBlock } from '@pressroom/richtext'
import { blocksToPlainText, htmlToBlocks } from '@pressroom/richtext'
import { sitePaths } from '@pressroom/types'
import type { Core } from '@strapi/strapi'
import { contentVersionOf } from '../../cache/content-version'
import { actingAs } from '../../history'
import { withoutAnnouncements } from '../../publish-events'
import type { Knex } from '../../search/store'
import { notifySiteNow } from '../../utils/site-webhook'
import type { NewPost } from '../bulk-posts'
import { insertPosts } from '../bulk-posts'
import { ensureImportKeys, findImported, recordImported } from '../import-keys'
import { slugify } from '../slugify'
import { AuthorsAndCategories, categorySlugOf } from './authors-and-categories'
import type { OldAddress } from './old-addresses'
import { addOldAddresses } from './old-addresses'
import type { UploadedImage } from './uploads'
import { WordPressUploads } from './uploads'
import type { ItemProblem, WordPressAttachment, WordPressAuthor, WordPressPost, WordPressTerm } from './wxr-content'
import { author, parseItem, term } from './wxr-content'
import { childText, readWxr } from './wxr-reader'

const POST = 'api::post.post'
const TITLE_MAX = 120
const EXCERPT_MAX = 300
const SLUG_MAX = 80
const ACTOR = 'Import'

export interface WordPressImportOptions {
  /** WordPress's uploads folder (`wp-content/uploads`), when the files came with the export. */
  uploadsFolder?: string | null
  /** Posts per transaction. */
  batchSize?: number
  onProgress?: (progress: { done: number, total: number }) => void
}

export interface WordPressImportReport {
  site: string
  posts: { created: number, updated: number, unchanged: number, total: number }
  authorsCreated: number
  categoriesCreated: number
  imagesUploaded: number
  /** Images whose file was not given: posts keep pointing at the old address. */
  imagesReferenced: string[]
  redirectsAdded: number
  /** Items not imported, with why: expected ones (pages, trash) are `skipped`, the rest `failed`. */
  problems: ItemProblem[]
  /** Imported, with a change worth knowing (a title shortened, a featured image left behind). */
  warnings: Array<{ item: string, note: string }>
  seconds: number
}

/** What an export holds besides its posts, read in a first pass: small, kept in memory. */
interface ExportIndex {
  site: string
  authors: Map<string, WordPressAuthor>
  terms: Map<string, WordPressTerm>
  attachments: Map<number, WordPressAttachment>
  postItems: number
}

async function indexExport(file: string): Promise<ExportIndex> {
  const index: ExportIndex = { site: '', authors: new Map(), terms: new Map(), attachments: new Map(), postItems: 0 }
  for await (const record of readWxr(file)) {
    if (record.kind === 'site') index.site = record.link
    else if (record.kind === 'author') {
      const found = author(record.element)
      if (found) index.authors.set(found.login, found)
    }
    else if (record.kind === 'category' || record.kind === 'tag') {
      const found = term(record.element, record.kind)
      if (found) index.terms.set(`${found.kind}:${found.slug}`, found)
    }
    // Only attachments are read here; posts are converted in the second pass.
    else if (childText(record.element, 'wp:post_type') !== 'attachment') index.postItems += 1
    else {
      const parsed = parseItem(record.element)
      if (parsed.kind === 'attachment') index.attachments.set(parsed.attachment.postId, parsed.attachment)
      // A broken attachment is reported in the second pass, so it counts towards the progress bar's total.
      else index.postItems += 1
    }
  }
  return index
}

/** Marks an image whose file did not come with the export, for `linkToOldImage`. */
const NOT_IMPORTED = Symbol('not imported')

function linkToOldImage(image: ImageBlock['image']): Block {
  const label = image.alternativeText || decodeURIComponent(new URL(image.url).pathname.split('/').pop() || 'image')
  return { type: 'paragraph', children: [{ type: 'link', url: image.url, children: [{ type: 'text', text: `Image: ${label}` }] }] }
}

/** "Some long title about…" within Pressroom's limit, cut at a word. */
function shorten(text: string, max: number): string {
  if (text.length <= max) return text
  const cut = text.slice(0, max - 1)
  const space = cut.lastIndexOf(' ')
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`
}

const hashOf = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex')

/** The slugs in use — by posts, and by redirects away from post addresses (a new post there would be shadowed). */
async function takenSlugs(strapi: Core.Strapi): Promise<Set<string>> {
  const db = strapi.db.connection as unknown as Knex
  const posts = await db(strapi.db.metadata.get(POST).tableName).distinct('slug') as Array<{ slug: string }>
  const redirects = await db(strapi.db.metadata.get('api::redirect.redirect').tableName).select('from').where('from', 'like', `${sitePaths.post('')}%`) as Array<{ from: string }>
  return new Set([...posts.map(row => row.slug), ...redirects.map(row => row.from.slice(sitePaths.post('').length))])
}

function uniqueSlug(wanted: string, taken: Set<string>): string {
  let slug = wanted
  for (let n = 2; taken.has(slug); n += 1) slug = `${wanted.slice(0, SLUG_MAX - String(n).length - 1)}-${n}`
  taken.add(slug)
  return slug
}

/** One WordPress post, converted: what it will be in Pressroom, and the hash that tells whether it changed since. */
interface Converted {
  wp: WordPressPost
  sourceKey: string
  hash: string
  post: NewPost
}

class WordPressImport {
  readonly report: WordPressImportReport
  private readonly uploads: WordPressUploads
  private readonly people: AuthorsAndCategories
  private slugs = new Set<string>()
  private readonly host: string

  constructor(private readonly strapi: Core.Strapi, private readonly file: string, private readonly index: ExportIndex, private readonly options: WordPressImportOptions) {
    this.uploads = new WordPressUploads(strapi, options.uploadsFolder ?? null)
    this.people = new AuthorsAndCategories(strapi, index)
    this.host = (URL.canParse(index.site) ? new URL(index.site).host : index.site) || 'wordpress'
    this.report = {
      site: index.site,
      posts: { created: 0, updated: 0, unchanged: 0, total: index.postItems },
      authorsCreated: 0,
      categoriesCreated: 0,
      imagesUploaded: 0,
      imagesReferenced: [],
      redirectsAdded: 0,
      problems: [],
      warnings: [],
      seconds: 0,
    }
  }

  private warn(wp: WordPressPost, note: string) {
    this.report.warnings.push({ item: `"${wp.title}" (WordPress id ${wp.postId})`, note })
  }

  private fail(wp: WordPressPost, reason: string) {
    this.report.problems.push({ item: `"${wp.title}" (WordPress id ${wp.postId})`, reason, kind: 'failed' })
  }

  async prepare() {
    this.slugs = await takenSlugs(this.strapi)
    await ensureImportKeys(this.strapi.db.connection as unknown as Knex)
  }

  /**
   * Body images: the uploaded file when it came with the export. One whose file did not come stays a link to its
   * old address (reported): the site's security policy loads no images from other sites, and Strapi's editor keeps
   * only Media Library files in image blocks.
   */
  private async body(wp: WordPressPost): Promise<Block[]> {
    const uploaded = new Map<string, UploadedImage | null>()
    if (this.uploads.hasFolder) {
      // A first pass finds the images, so they can be uploaded (asynchronously) before the synchronous conversion.
      const alts = new Map<string, string>()
      htmlToBlocks(wp.html, { resolveImage: (src, alt) => { alts.set(src, alt); return null } })
      for (const [src, alt] of alts) uploaded.set(src, await this.uploads.find(src, alt || wp.title))
    }
    const blocks = htmlToBlocks(wp.html, {
      resolveImage: (src, alt): ImageBlock['image'] | null => {
        const image = uploaded.get(src)
        if (image) return { ...image, alternativeText: alt || image.alternativeText }
        if (!/^https?:\/\//i.test(src)) return null
        this.uploads.referenced.add(src)
        return { url: src, alternativeText: alt || null, [NOT_IMPORTED]: true } as ImageBlock['image']
      },
    })
    return blocks.map(block => (block.type === 'image' && NOT_IMPORTED in block.image ? linkToOldImage(block.image) : block))
  }

  private async cover(wp: WordPressPost): Promise<NewPost['cover']> {
    if (wp.thumbnailId === null) return null
    const attachment = this.index.attachments.get(wp.thumbnailId)
    if (!attachment) {
      this.warn(wp, `its featured image (attachment ${wp.thumbnailId}) is not in the export`)
      return null
    }
    const image = await this.uploads.find(attachment.url, attachment.alt || attachment.title || wp.title)
    if (!image) {
      this.warn(wp, `its featured image ${attachment.url} was not imported: the file is not in the uploads folder`)
      return null
    }
    return { id: image.id, name: image.name, url: image.url, alternativeText: image.alternativeText }
  }

  private async convert(wp: WordPressPost): Promise<Converted | null> {
    // The cover first: its file gets the attachment's alt text, which the body's copies of it then share.
    const cover = await this.cover(wp)
    const body = await this.body(wp)
    if (blocksToPlainText(body).trim() === '' && !body.some(block => block.type === 'image')) {
      this.fail(wp, 'its body has no text or image Pressroom can show')
      return null
    }
    const title = shorten(wp.title, TITLE_MAX)
    if (title !== wp.title) this.warn(wp, `its title was shortened to ${TITLE_MAX} characters`)
    const excerptText = wp.excerpt ? blocksToPlainText(htmlToBlocks(wp.excerpt)).replace(/\s+/g, ' ').trim() : ''
    const excerpt = excerptText ? shorten(excerptText, EXCERPT_MAX) : null
    const author = await this.people.author(wp.creator)
    const categories: NewPost['categories'] = []
    for (const { kind, slug, name } of wp.categorySlugs) {
      const category = await this.people.category(kind, slug, name)
      if (!categories.some(known => known.id === category.id)) categories.push(category)
    }
    const wantedSlug = slugify(wp.slug) || slugify(wp.title) || `post-${wp.postId}`
    const sourceKey = `wordpress:${this.host}:${wp.postId}`
    const hash = hashOf({ title, wantedSlug, excerpt, body, date: wp.date, status: wp.status, sticky: wp.sticky, author: author.documentId, categories: categories.map(category => category.documentId), cover: cover?.id ?? null })
    return { wp, sourceKey, hash, post: { title, slug: wantedSlug, excerpt, body, date: wp.date, featured: wp.sticky, status: wp.status, author, categories, cover } }
  }

  /** A post imported before whose WordPress original has changed: saved through the document service, as an editor would. */
  private async update(documentId: string, { post }: Converted) {
    const posts = this.strapi.documents(POST)
    await posts.update({
      documentId,
      status: 'draft',
      data: {
        title: post.title, excerpt: post.excerpt, body: post.body, date: post.date.toISOString(), featured: post.featured, cover: post.cover?.id ?? null,
        author: { set: [{ documentId: post.author.documentId }] },
        categories: { set: post.categories.map(category => ({ documentId: category.documentId })) },
        publishAt: post.status === 'scheduled' ? post.date.toISOString() : null,
        scheduleStatus: post.status === 'scheduled' ? 'scheduled' : null,
      },
    } as never)
    if (post.status === 'published') await posts.publish({ documentId } as never)
    else await posts.unpublish({ documentId } as never)
  }

  async batch(wps: WordPressPost[]) {
    const converted: Converted[] = []
    for (const wp of wps) {
      try {
        const item = await this.convert(wp)
        if (item) converted.push(item)
      }
      catch (error) {
        this.fail(wp, (error as Error).message)
      }
    }
    const db = this.strapi.db.connection as unknown as Knex
    const imported = await findImported(db, converted.map(item => item.sourceKey))
    const fresh: Converted[] = []
    const changed: Array<{ item: Converted, documentId: string }> = []
    for (const item of converted) {
      const before = imported.get(item.sourceKey)
      if (!before) fresh.push(item)
      else if (before.contentHash === item.hash) this.report.posts.unchanged += 1
      else changed.push({ item, documentId: before.documentId })
    }

    for (const { item, documentId } of changed) {
      const exists = await this.strapi.db.query(POST).count({ where: { documentId } }) > 0
      if (!exists) {
        this.report.problems.push({ item: `"${item.wp.title}" (WordPress id ${item.wp.postId})`, reason: 'it was deleted in Pressroom after an earlier import, so it is not brought back', kind: 'skipped' })
        continue
      }
      try {
        await this.update(documentId, item)
        await recordImported(db, [{ sourceKey: item.sourceKey, documentId, contentHash: item.hash }])
        this.report.posts.updated += 1
      }
      catch (error) {
        this.fail(item.wp, (error as Error).message)
      }
    }

    for (const item of fresh) item.post.slug = uniqueSlug(item.post.slug, this.slugs)
    const documentIds = await insertPosts(this.strapi, fresh.map(item => item.post), { actor: ACTOR, note: `Imported from ${path.basename(this.file)}` })
    await recordImported(db, fresh.map((item, at) => ({ sourceKey: item.sourceKey, documentId: documentIds[at]!, contentHash: item.hash })))
    this.report.posts.created += fresh.length
    const addresses: OldAddress[] = fresh.filter(item => item.wp.link).map(item => ({ oldUrl: item.wp.link!, to: sitePaths.post(item.post.slug), note: `Old WordPress address of "${item.post.title}"` }))
    this.report.redirectsAdded += await addOldAddresses(this.strapi, addresses)

  }

  /** Old category and tag archives (WordPress's default /category/… and /tag/… bases) lead to the categories here. */
  async archiveAddresses() {
    const addresses: OldAddress[] = []
    for (const found of this.index.terms.values()) {
      const slug = categorySlugOf(found.slug, found.name)
      if (!slug) continue
      addresses.push({ oldUrl: `/${found.kind === 'category' ? 'category' : 'tag'}/${found.slug}`, to: sitePaths.category(slug), note: `Old WordPress ${found.kind} archive "${found.name}"` })
    }
    this.report.redirectsAdded += await addOldAddresses(this.strapi, addresses)
  }

  finish(started: number) {
    this.report.authorsCreated = this.people.created.authors
    this.report.categoriesCreated = this.people.created.categories
    this.report.imagesUploaded = this.uploads.uploadedCount
    this.report.imagesReferenced = [...this.uploads.referenced]
    for (const { file, reason } of this.uploads.failed) this.report.warnings.push({ item: file, note: `not uploaded: ${reason}` })
    this.report.seconds = (performance.now() - started) / 1000
  }
}

/**
 * Imports a WordPress export (WXR): its posts — published, drafts, scheduled — with their dates, authors,
 * categories and tags (as categories), excerpts, featured images and bodies (HTML → Blocks, nothing executable kept),
 * and a redirect from each old permalink. Streams the file twice (first its authors, terms and attachments, then its
 * posts), so memory stays bounded. New posts go in in batches, one transaction each (see insertPosts); a post
 * imported before is found by its WordPress id and updated only when its original changed. Items that cannot be
 * imported are reported with the reason, and the rest go in.
 */
export async function importWordPress(strapi: Core.Strapi, file: string, options: WordPressImportOptions = {}): Promise<WordPressImportReport> {
  const started = performance.now()
  const index = await indexExport(file)
  const run = new WordPressImport(strapi, file, index, options)
  await run.prepare()
  const batchSize = options.batchSize ?? 500
  await actingAs({ actor: ACTOR, note: `Imported from ${path.basename(file)}` }, () => withoutAnnouncements(async () => {
    let pending: WordPressPost[] = []
    let done = 0
    const flush = async () => {
      await run.batch(pending)
      done += pending.length
      pending = []
      options.onProgress?.({ done, total: index.postItems })
    }
    options.onProgress?.({ done, total: index.postItems })
    for await (const record of readWxr(file)) {
      if (record.kind !== 'item') continue
      const parsed = parseItem(record.element)
      if (parsed.kind === 'attachment') continue
      if (parsed.kind === 'problem') {
        run.report.problems.push(parsed.problem)
        done += 1
        continue
      }
      pending.push(parsed.post)
      if (pending.length >= batchSize) await flush()
    }
    await flush()
    await run.archiveAddresses()
  }))
  // The fast path writes past Strapi's lifecycles: cached API answers and the site's pages are refreshed once, here.
  await contentVersionOf(strapi).bump()
  await notifySiteNow(strapi, { event: 'entry.publish', model: POST, documentId: null })
  run.finish(started)
  return run.report
}
