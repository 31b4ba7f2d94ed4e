import type { Core } from '@strapi/strapi'
import { errors } from '@strapi/utils'
import type { Knex } from '../search/store'
import { actingAs } from './actor'
import type { PostSnapshot } from './snapshot'
import { POST, snapshotAsData } from './snapshot'
import { readVersion, takeOutOfTrash } from './store'

const when = (time: number) => new Date(time).toISOString().replace('T', ' ').slice(0, 16)

/** A slug nobody else uses now: the restored post's own, else the first free "-restored", "-restored-2"… */
async function freeSlug(strapi: Core.Strapi, slug: string, documentId: string): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    const candidate = attempt === 1 ? slug : `${slug}-restored${attempt === 2 ? '' : `-${attempt - 1}`}`
    const taken = await strapi.db.query(POST).count({ where: { slug: candidate, documentId: { $ne: documentId } } })
    if (taken === 0) return candidate
  }
}

export interface Restored {
  documentId: string
  slug: string
  /** What the version named that no longer exists (an author, a category, an image), left out of the draft. */
  missing: string[]
}

/**
 * Makes a version the post's current draft, through the document service (so the restore is itself a version).
 * The live post is untouched until an editor publishes. A deleted post comes back from its last version as a draft
 * with the same documentId; the trash lets go of it.
 */
export async function restoreVersion(strapi: Core.Strapi, db: Knex, documentId: string, versionId: number): Promise<Restored> {
  const version = await readVersion(db, documentId, versionId)
  if (!version) throw new errors.NotFoundError(`This post has no version ${versionId}.`)
  const snapshot = JSON.parse(version.snapshot) as PostSnapshot
  const { data, missing } = await snapshotAsData(strapi, snapshot)
  const slug = await freeSlug(strapi, snapshot.slug, documentId)
  const exists = (await strapi.db.query(POST).count({ where: { documentId } })) > 0
  await actingAs({ note: `Restored from the version of ${when(version.createdAt)} UTC` }, async () => {
    if (exists) await strapi.documents(POST).update({ documentId, data: { ...data, slug } } as never)
    else await strapi.documents(POST).create({ data: { ...data, slug, documentId } } as never)
  })
  if (!exists) await takeOutOfTrash(db, documentId)
  return { documentId, slug, missing }
}
