import { existsSync, statSync } from 'node:fs'
import path from 'node:path'
import type { Core } from '@strapi/strapi'

const MIME_TYPES: Record<string, string> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.avif': 'image/avif',
}

/**
 * The Media Library file for an image on disk, uploaded once: a file with the same name is reused (its alt
 * text updated), so importing again does not fill the library with copies.
 */
export async function ensureImage(strapi: Core.Strapi, file: string, alternativeText: string): Promise<number> {
  const mimetype = MIME_TYPES[path.extname(file).toLowerCase()]
  if (!mimetype) throw new Error(`${path.basename(file)} is not an image the site can show (use .jpg, .png, .webp, .gif or .avif)`)
  if (!existsSync(file)) throw new Error(`the image ${file} does not exist`)

  const name = path.basename(file)
  const existing = await strapi.db.query('plugin::upload.file').findOne({ where: { name }, select: ['id', 'alternativeText'] })
  if (existing) {
    if (existing.alternativeText !== alternativeText) {
      await strapi.db.query('plugin::upload.file').update({ where: { id: existing.id }, data: { alternativeText } })
    }
    return existing.id as number
  }
  const [uploaded] = await strapi.plugin('upload').service('upload').upload({
    data: { fileInfo: { name, alternativeText } },
    files: { filepath: file, originalFilename: name, mimetype, size: statSync(file).size },
  })
  return uploaded.id as number
}
