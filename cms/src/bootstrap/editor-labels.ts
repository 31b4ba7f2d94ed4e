import type { Core } from '@strapi/strapi'

interface FieldLabel {
  label: string
  description?: string
  placeholder?: string
  /** False: shown, but only the CMS changes it. */
  editable?: boolean
  /** False: kept out of the edit form (the schedule's state is shown in its own panel). */
  visible?: boolean
}

interface ModelLabels {
  mainField?: string
  defaultSortBy?: string
  defaultSortOrder?: 'ASC' | 'DESC'
  listColumns?: string[]
  /** The edit form's rows, top to bottom; fields not named keep their place after these. */
  editRows?: string[][]
  fields: Record<string, FieldLabel>
}

/**
 * What editors read in the admin: field labels, help texts and placeholders. Strapi keeps these in the
 * content manager's configuration (database), not in schema.json, so they are applied on every boot.
 */
const CONTENT_TYPES: Record<string, ModelLabels> = {
  'api::post.post': {
    mainField: 'title',
    defaultSortBy: 'date',
    defaultSortOrder: 'DESC',
    listColumns: ['title', 'author', 'date', 'featured'],
    // The schedule sits with the publication date.
    editRows: [['title', 'slug'], ['excerpt'], ['body'], ['cover', 'author'], ['categories', 'featured'], ['date'], ['publishAt', 'unpublishAt'], ['seo']],
    fields: {
      title: { label: 'Title', description: 'The headline readers see. Up to 120 characters; aim for under 70.', placeholder: 'How to file a utility model in China' },
      slug: { label: 'URL slug', description: 'The last part of the post\'s address: lowercase words joined by hyphens. Generated from the title; changing it after publishing breaks shared links.' },
      excerpt: { label: 'Excerpt', description: 'A one- or two-sentence summary for cards, feeds and search results (up to 300 characters). Leave empty to use the start of the body.' },
      body: { label: 'Body', description: 'The article itself. Use headings (H2, H3) to structure long posts.' },
      cover: { label: 'Cover image', description: 'Shown on cards and at the top of the post. Landscape, at least 1200 × 630 px. Needs alternative text before publishing.' },
      author: { label: 'Author', description: 'Who wrote the post. Required before publishing.' },
      categories: { label: 'Categories', description: 'One to three topics the post belongs to.' },
      featured: { label: 'Featured', description: 'Show this post first on the blog\'s front page.' },
      date: { label: 'Publication date', description: 'The date readers see and lists sort by. Leave empty to use the moment you first publish; set it to keep an imported post\'s original date.' },
      seo: { label: 'Search & sharing', description: 'Optional overrides for search engines and social media.' },
      publishAt: { label: 'Publish at', description: 'Publish this draft automatically at this time (in your time zone), then save. Clear it and save to cancel. A time that has passed publishes as soon as you save.' },
      unpublishAt: { label: 'Unpublish at', description: 'Take the post off the site at this time. Takes effect when you save; no need to publish again.' },
      scheduleStatus: { label: 'Schedule', editable: false, visible: false },
      scheduleError: { label: 'Why the scheduled publish failed', editable: false, visible: false },
    },
  },
  'api::author.author': {
    mainField: 'name',
    defaultSortBy: 'name',
    defaultSortOrder: 'ASC',
    listColumns: ['name', 'jobTitle', 'slug'],
    fields: {
      name: { label: 'Name', description: 'Full name as it should appear on posts.', placeholder: 'Mei Lin' },
      slug: { label: 'URL slug', description: 'The last part of the author page\'s address. Generated from the name.' },
      jobTitle: { label: 'Job title', placeholder: 'Patent attorney' },
      bio: { label: 'Short bio', description: 'Two or three sentences shown under each of the author\'s posts (up to 600 characters).' },
      avatar: { label: 'Photo', description: 'A square portrait, at least 256 × 256 px.' },
      links: { label: 'Links', description: 'Profiles readers may follow, such as LinkedIn.' },
      posts: { label: 'Posts' },
    },
  },
  'api::category.category': {
    mainField: 'name',
    defaultSortBy: 'name',
    defaultSortOrder: 'ASC',
    listColumns: ['name', 'slug', 'showInNavigation', 'navigationPosition'],
    editRows: [['name', 'slug'], ['description'], ['showInNavigation', 'navigationPosition']],
    fields: {
      name: { label: 'Name', description: 'Short and unique, up to 40 characters.', placeholder: 'Patents' },
      slug: { label: 'URL slug', description: 'The last part of the category page\'s address. Generated from the name.' },
      description: { label: 'Description', description: 'One sentence shown at the top of the category page (up to 300 characters).' },
      showInNavigation: { label: 'Show in the site header', description: 'List this topic in the header\'s navigation. The header shows at most six, in position order; every topic is on the "All topics" page.' },
      navigationPosition: { label: 'Position in the header', description: 'Lower numbers come first (1–99). Topics without a position follow, by name.', placeholder: '1' },
      posts: { label: 'Posts' },
    },
  },
  'api::redirect.redirect': {
    mainField: 'from',
    defaultSortBy: 'from',
    defaultSortOrder: 'ASC',
    listColumns: ['from', 'to', 'statusCode', 'note'],
    fields: {
      from: { label: 'From (old address)', description: 'A path on this site, such as /2025/12/01/some-post/ (a trailing slash makes no difference). Visitors to it are sent on.', placeholder: '/2025/12/01/some-post/' },
      to: { label: 'To (new address)', description: 'A path on this site, such as /posts/new-slug, or a full address starting with https://.', placeholder: '/posts/new-slug' },
      statusCode: { label: 'Kind', description: '301: moved for good (search engines move their links too). 302: temporary.' },
      note: { label: 'Note', description: 'Why this redirect exists. Only editors see it.' },
    },
  },
}

const COMPONENTS: Record<string, ModelLabels> = {
  'shared.seo': {
    fields: {
      metaTitle: { label: 'Search title', description: 'Up to 60 characters. Defaults to the post title.' },
      metaDescription: { label: 'Search description', description: '50–160 characters shown under the title in search results. Defaults to the excerpt.' },
      shareImage: { label: 'Share image', description: 'Shown when the post is shared on social media. Defaults to the cover.' },
      canonicalUrl: { label: 'Canonical URL', description: 'Only if this post first appeared elsewhere: the original address (https://…).' },
      noIndex: { label: 'Hide from search engines', description: 'Ask search engines not to list this post.' },
    },
  },
  'shared.link': {
    mainField: 'label',
    fields: {
      label: { label: 'Label', placeholder: 'LinkedIn' },
      url: { label: 'Address', description: 'A full web address starting with https://', placeholder: 'https://www.linkedin.com/in/…' },
    },
  },
}

interface EditField {
  name: string
  size: number
}

interface Configuration {
  settings: Record<string, unknown>
  metadatas: Record<string, { edit: Record<string, unknown>, list: Record<string, unknown> }>
  layouts: { list: string[], edit: EditField[][] }
}

/** `wanted` rows first (with each field's current width), then every other field in its current row. */
function arrangeEditRows(current: EditField[][], wanted: string[][]): EditField[][] {
  const sizes = new Map(current.flat().map(field => [field.name, field.size]))
  const placed = new Set(wanted.flat())
  const rows = wanted.map(row => row.filter(name => sizes.has(name)).map(name => ({ name, size: sizes.get(name)! })))
  const rest = current.map(row => row.filter(field => !placed.has(field.name)))
  return [...rows, ...rest].filter(row => row.length > 0)
}

function applyLabels(configuration: Configuration, labels: ModelLabels): Configuration {
  const metadatas = { ...configuration.metadatas }
  for (const [field, label] of Object.entries(labels.fields)) {
    const current = metadatas[field]
    if (!current) continue
    metadatas[field] = {
      edit: { ...current.edit, ...label },
      list: { ...current.list, label: label.label },
    }
  }
  const settings = { ...configuration.settings }
  if (labels.mainField) settings.mainField = labels.mainField
  if (labels.defaultSortBy) settings.defaultSortBy = labels.defaultSortBy
  if (labels.defaultSortOrder) settings.defaultSortOrder = labels.defaultSortOrder
  const list = labels.listColumns?.filter(field => field in metadatas) ?? configuration.layouts.list
  const edit = labels.editRows ? arrangeEditRows(configuration.layouts.edit, labels.editRows) : configuration.layouts.edit
  return { ...configuration, settings, metadatas, layouts: { ...configuration.layouts, list, edit } }
}

export async function applyEditorLabels(strapi: Core.Strapi): Promise<void> {
  const contentManager = strapi.plugin('content-manager')
  const services = [
    [contentManager.service('content-types'), CONTENT_TYPES],
    [contentManager.service('components'), COMPONENTS],
  ] as const
  for (const [service, models] of services) {
    for (const [uid, labels] of Object.entries(models)) {
      const configuration = await service.findConfiguration({ uid }) as Configuration
      await service.updateConfiguration({ uid }, applyLabels(configuration, labels))
    }
  }
}
