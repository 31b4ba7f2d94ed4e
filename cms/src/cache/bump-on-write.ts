import type { Core } from '@strapi/strapi'
import { afterCommit } from '../utils/after-commit'
import { contentVersionOf } from './content-version'

const WRITES = new Set(['afterCreate', 'afterCreateMany', 'afterUpdate', 'afterUpdateMany', 'afterDelete', 'afterDeleteMany'])

/**
 * Bumps the content version after every database write — posts, relations, media alt texts, anything —
 * once the write is committed: bumping inside the transaction would let a concurrent read cache the old
 * content under the new version.
 */
export function bumpContentVersionOnWrite(strapi: Core.Strapi): void {
  const version = contentVersionOf(strapi)
  const bump = () => version.bump().catch((error: Error) => strapi.log.error(`Could not invalidate cached API responses: ${error.message}`))

  strapi.db.lifecycles.subscribe(async (event: { action: string }) => {
    if (WRITES.has(event.action)) await afterCommit(strapi, bump)
  })
}
