import type { Core } from '@strapi/strapi'
import type { Linked } from '../bulk-posts'
import { slugify } from '../slugify'
import type { WordPressAuthor, WordPressTerm } from './wxr-content'

const AUTHOR = 'api::author.author'
const CATEGORY = 'api::category.category'

/** Pressroom's limits on an author's and a category's name and slug (their content types). */
const AUTHOR_MAX = 80
const CATEGORY_MAX = 40

const cut = (text: string, max: number) => (text.length <= max ? text : text.slice(0, max).trimEnd())
const slugWithin = (text: string, max: number) => slugify(text).slice(0, max).replace(/-+$/, '')

/** The slug a WordPress category or tag gets here: from its own slug, else its name ('' when neither gives one). */
export const categorySlugOf = (wpSlug: string, name: string) => slugWithin(wpSlug, CATEGORY_MAX) || slugWithin(name, CATEGORY_MAX)

/** Finds the author or category with this slug, or creates it: existing ones (a Markdown import's, an editor's) are reused. */
async function findOrCreate(strapi: Core.Strapi, uid: typeof AUTHOR | typeof CATEGORY, slug: string, data: Record<string, unknown>): Promise<{ linked: Linked, created: boolean }> {
  const existing = await strapi.db.query(uid).findOne({ where: { slug }, select: ['id', 'documentId', 'name'] }) as { id: number, documentId: string, name: string } | null
  if (existing) return { linked: existing, created: false }
  const made = await strapi.documents(uid).create({ data: { ...data, slug } } as never) as unknown as { id: number, documentId: string, name: string }
  return { linked: { id: made.id, documentId: made.documentId, name: made.name }, created: true }
}

/**
 * The export's authors and categories as Pressroom's, made on first sight. Authors are matched by their display
 * name's slug (as the Markdown import does); WordPress categories and tags both become categories, matched by
 * slug — a tag and a category of the same name are one category here. Tags are kept out of the site's header.
 */
export class AuthorsAndCategories {
  private readonly authors = new Map<string, Linked>()
  private readonly categories = new Map<string, Linked & { slug: string }>()
  readonly created = { authors: 0, categories: 0 }

  constructor(private readonly strapi: Core.Strapi, private readonly known: { authors: Map<string, WordPressAuthor>, terms: Map<string, WordPressTerm> }) {}

  /** The author of a post, by the login WordPress wrote in `dc:creator`. */
  async author(login: string): Promise<Linked> {
    const key = login || 'unknown'
    const cached = this.authors.get(key)
    if (cached) return cached
    const name = cut(this.known.authors.get(login)?.displayName ?? (login || 'Unknown author'), AUTHOR_MAX)
    const slug = slugWithin(name, AUTHOR_MAX) || slugWithin(login, AUTHOR_MAX) || 'unknown-author'
    const { linked, created } = await findOrCreate(this.strapi, AUTHOR, slug, { name })
    if (created) this.created.authors += 1
    this.authors.set(key, linked)
    return linked
  }

  /** A post's category or tag, by its WordPress slug and name. */
  async category(kind: WordPressTerm['kind'], wpSlug: string, wpName: string): Promise<Linked & { slug: string }> {
    const term = this.known.terms.get(`${kind}:${wpSlug}`)
    const name = cut(term?.name ?? wpName ?? wpSlug, CATEGORY_MAX)
    const slug = categorySlugOf(wpSlug, name)
    if (!slug) throw new Error(`the ${kind} "${wpName}" has no name Pressroom can turn into an address`)
    const cached = this.categories.get(slug)
    if (cached) return cached
    const description = term?.description ? term.description.slice(0, 300) : null
    const { linked, created } = await findOrCreate(this.strapi, CATEGORY, slug, { name, description, showInNavigation: false })
    if (created) this.created.categories += 1
    const entry = { ...linked, slug }
    this.categories.set(slug, entry)
    return entry
  }
}
