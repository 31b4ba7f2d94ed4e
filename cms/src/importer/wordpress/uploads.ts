import { existsSync } from 'node:fs'
import path from 'node:path'
import type { Core } from '@strapi/strapi'
import { ensureImage } from '../media'

/** A Media Library file, whole: Strapi's Blocks validation wants every field of it in an image block. */
export interface UploadedImage {
  id: number
  name: string
  url: string
  alternativeText: string | null
  width: number | null
  height: number | null
  [field: string]: unknown
}

/** "https://old.example/wp-content/uploads/2019/03/chart-300x200.jpg" → "2019/03/chart-300x200.jpg" */
function uploadsPath(url: string): string | null {
  const marker = '/wp-content/uploads/'
  let pathname: string
  try {
    pathname = decodeURIComponent(new URL(url, 'http://wordpress.invalid').pathname)
  }
  catch {
    return null
  }
  const at = pathname.indexOf(marker)
  if (at < 0) return null
  const relative = path.posix.normalize(pathname.slice(at + marker.length))
  return relative.startsWith('..') ? null : relative
}

/** WordPress's resized copies ("-300x200") point back to the original upload. */
const withoutSizeSuffix = (file: string) => file.replace(/-\d+x\d+(?=\.[a-z0-9]+$)/i, '')

/**
 * WordPress images, brought into the Media Library from the export's uploads folder when it is given alongside the
 * export (`wp-content/uploads`, copied as it is): each file once, whatever size variant a post points at. The
 * addresses of images whose file is not there are collected in `referenced`, for the report.
 */
export class WordPressUploads {
  private readonly uploaded = new Map<string, UploadedImage>()
  readonly referenced = new Set<string>()
  readonly failed: Array<{ file: string, reason: string }> = []

  constructor(private readonly strapi: Core.Strapi, private readonly folder: string | null) {}

  /** The image in the Media Library for this WordPress address, uploading it on first use; null when its file is not given. */
  async find(url: string, alternativeText: string): Promise<UploadedImage | null> {
    const relative = uploadsPath(url)
    const file = relative && this.folder
      ? [relative, withoutSizeSuffix(relative)].map(candidate => path.join(this.folder!, candidate)).find(candidate => existsSync(candidate))
      : undefined
    if (!file) return null
    const cached = this.uploaded.get(file)
    if (cached) return cached
    try {
      const id = await ensureImage(this.strapi, file, alternativeText)
      const row = await this.strapi.db.query('plugin::upload.file').findOne({ where: { id } }) as UploadedImage
      this.uploaded.set(file, row)
      return row
    }
    catch (error) {
      this.failed.push({ file, reason: (error as Error).message })
      return null
    }
  }

  get hasFolder(): boolean {
    return this.folder !== null
  }

  get uploadedCount(): number {
    return this.uploaded.size
  }
}
