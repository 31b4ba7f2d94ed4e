import path from 'node:path'
import { markdownToBlocks } from '@pressroom/richtext'
import type { Core } from '@strapi/strapi'
import { actingAs } from '../history'
import { withoutAnnouncements } from '../publish-events'
import type { AuthorFrontMatter, CategoryFrontMatter, PostFrontMatter } from './front-matter'
import { ensureImage } from './media'
import type { FileProblem, ParsedFile } from './read-content'
import { readContentFolder } from './read-content'
import { slugify } from './slugify'

const POST = 'api::post.post'
const AUTHOR = 'api::author.author'
const CATEGORY = 'api::category.category'

export interface ImportReport {
  created: string[]
  updated: string[]
  problems: FileProblem[]
}

type Upserted = 'created' | 'updated'

/** Find by slug, then update, or create: importing the same files twice changes nothing. */
async function upsertBySlug(strapi: Core.Strapi, uid: typeof AUTHOR | typeof CATEGORY | typeof POST, slug: string, data: Record<string, unknown>) {
  const existing = await strapi.documents(uid).findFirst({ filters: { slug }, status: 'draft', fields: ['documentId'] } as never)
  if (existing) {
    const updated = await strapi.documents(uid).update({ documentId: existing.documentId, status: 'draft', data } as never)
    return { documentId: updated!.documentId as string, outcome: 'updated' as Upserted }
  }
  const created = await strapi.documents(uid).create({ data: { ...data, slug }, status: 'draft' } as never)
  return { documentId: created.documentId as string, outcome: 'created' as Upserted }
}

function bioFromMarkdown(markdown: string): string | null {
  const text = markdown.replace(/\s+/g, ' ').trim()
  return text === '' ? null : text.slice(0, 600)
}

class Importer {
  readonly report: ImportReport = { created: [], updated: [], problems: [] }
  private readonly authorIds = new Map<string, string>()
  private readonly categoryIds = new Map<string, string>()

  constructor(private readonly strapi: Core.Strapi, private readonly root: string) {}

  private record(outcome: Upserted, file: string) {
    this.report[outcome].push(path.relative(this.root, file) || file)
  }

  async author(entry: ParsedFile<AuthorFrontMatter>) {
    const { data } = entry
    const slug = data.slug ?? slugify(data.name)
    const avatar = data.avatar
      ? await ensureImage(this.strapi, path.resolve(entry.dir, data.avatar), data.avatarAlt ?? `Portrait of ${data.name}`)
      : null
    const { documentId, outcome } = await upsertBySlug(this.strapi, AUTHOR, slug, {
      name: data.name,
      jobTitle: data.jobTitle ?? null,
      bio: bioFromMarkdown(entry.markdown),
      avatar,
      links: data.links,
    })
    this.authorIds.set(slug, documentId)
    this.record(outcome, entry.file)
  }

  async category(entry: ParsedFile<CategoryFrontMatter>) {
    const slug = entry.data.slug ?? slugify(entry.data.name)
    const { documentId, outcome } = await upsertBySlug(this.strapi, CATEGORY, slug, {
      name: entry.data.name,
      description: entry.data.description ?? null,
      showInNavigation: entry.data.navigation !== undefined,
      navigationPosition: entry.data.navigation ?? null,
    })
    this.categoryIds.set(slug, documentId)
    this.record(outcome, entry.file)
  }

  /** An author or category named in a post but not defined in the folder: reuse it, or create it by name. */
  private async referenced(uid: typeof AUTHOR | typeof CATEGORY, known: Map<string, string>, name: string) {
    const slug = slugify(name)
    const cached = known.get(slug)
    if (cached) return cached
    const existing = await this.strapi.documents(uid).findFirst({ filters: { slug }, fields: ['documentId'] } as never)
    const documentId = existing
      ? existing.documentId as string
      : (await this.strapi.documents(uid).create({ data: { name, slug } } as never)).documentId as string
    known.set(slug, documentId)
    return documentId
  }

  async post(entry: ParsedFile<PostFrontMatter>) {
    const { data } = entry
    const slug = data.slug ?? slugify(data.title)
    const body = markdownToBlocks(entry.markdown)
    if (body.length === 0) throw new Error('the post has no body below the front matter')

    const author = await this.referenced(AUTHOR, this.authorIds, data.author)
    const categories = []
    for (const name of data.categories) categories.push(await this.referenced(CATEGORY, this.categoryIds, name))
    const cover = data.cover ? await ensureImage(this.strapi, path.resolve(entry.dir, data.cover), data.coverAlt!) : null

    const { documentId, outcome } = await upsertBySlug(this.strapi, POST, slug, {
      title: data.title,
      excerpt: data.excerpt ?? null,
      body,
      date: data.date?.toISOString() ?? null,
      featured: data.featured,
      cover,
      author: { set: [author] },
      categories: { set: categories },
      seo: data.seo ?? null,
    })
    const posts = this.strapi.documents(POST)
    if (data.draft) await posts.unpublish({ documentId } as never)
    else await posts.publish({ documentId } as never)
    this.record(outcome, entry.file)
  }
}

function reasonOf(error: unknown): string {
  const details = (error as { details?: { errors?: Array<{ path: string[], message: string }> } }).details
  if (details?.errors?.length) return details.errors.map(issue => `${issue.path.join('.')}: ${issue.message}`).join('; ')
  return error instanceof Error ? error.message : String(error)
}

/**
 * Imports a folder of Markdown content (see `readContentFolder`) into the CMS: authors and categories first,
 * then posts, each keeping its own date, author and categories. Idempotent by slug. A file that cannot be
 * imported is reported with its reason, and the others are still imported.
 */
export async function importContent(strapi: Core.Strapi, folder: string): Promise<ImportReport> {
  const content = readContentFolder(folder)
  const importer = new Importer(strapi, folder)
  importer.report.problems.push(...content.problems)

  const steps = [
    ...content.authors.map(entry => ({ file: entry.file, run: () => importer.author(entry) })),
    ...content.categories.map(entry => ({ file: entry.file, run: () => importer.category(entry) })),
    ...content.posts.map(entry => ({ file: entry.file, run: () => importer.post(entry) })),
  ]
  for (const { file, run } of steps) {
    try {
      // Imported posts are back-catalogue, not news: receivers of post.published are not told about them. Their
      // versions say who made them.
      await actingAs({ actor: 'Import', note: `Imported from ${path.basename(file)}` }, () => withoutAnnouncements(run))
    }
    catch (error) {
      importer.report.problems.push({ file, reason: reasonOf(error) })
    }
  }
  importer.report.problems = importer.report.problems.map(problem => ({ ...problem, file: path.relative(folder, problem.file) || problem.file }))
  return importer.report
}
