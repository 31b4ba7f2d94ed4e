import { blocksToHtml } from '@pressroom/richtext'
import type { Core } from '@strapi/strapi'
import { errors } from '@strapi/utils'
import type { Knex } from '../search/store'
import { restoreVersion } from './restore'
import type { PostSnapshot } from './snapshot'
import { POST } from './snapshot'
import { countVersions, listTrash, listVersions, newestVersion, readVersion } from './store'

type Action = 'read' | 'create' | 'update' | 'delete'

interface Context {
  params: Record<string, string>
  state: { userAbility: unknown }
}

/** A route handler that returns the response body. */
const answer = (handler: (ctx: Context) => Promise<unknown>): Core.MiddlewareHandler => async (ctx) => {
  ctx.body = await handler(ctx as unknown as Context)
}

interface Checker {
  can: Record<Action, (entity?: unknown) => boolean>
}

/** The editor's own rights on posts (the Content Manager's checker, conditions such as "own posts only" included). */
function allowed(strapi: Core.Strapi, ctx: Context, action: Action, entity?: unknown): boolean {
  const checker = strapi.plugin('content-manager').service('permission-checker').create({ userAbility: ctx.state.userAbility, model: POST }) as Checker
  return checker.can[action](entity)
}

async function draftOf(strapi: Core.Strapi, documentId: string) {
  return strapi.db.query(POST).findOne({ where: { documentId, publishedAt: null }, populate: ['createdBy'] })
}

/**
 * Reading a post's history needs the right to read the post (an Author: their own). A deleted post's history, like
 * the trash, belongs to those who may delete posts: whoever may delete may also undo it.
 */
async function requireHistoryReader(strapi: Core.Strapi, ctx: Context, documentId: string): Promise<void> {
  const draft = await draftOf(strapi, documentId)
  if (draft ? !allowed(strapi, ctx, 'read', draft) : !allowed(strapi, ctx, 'delete')) refuse('You may not read this post\'s history.')
}

function refuse(why: string): never {
  throw new errors.ForbiddenError(why)
}

const VERSIONS_LISTED = 50

/**
 * The admin's history and trash: admin routes (signed-in users only) under /pressroom, each checked against the
 * user's own permissions on posts. Nothing here is on the public API.
 */
export function registerHistoryRoutes(strapi: Core.Strapi): void {
  const db = () => strapi.db.connection as unknown as Knex
  // Admin routes: signed-in users only; each handler then checks that user's own rights.
  const route = (method: 'GET' | 'POST', path: string, handler: (ctx: Context) => Promise<unknown>) =>
    ({ method, path, info: { apiName: 'pressroom', type: 'admin' }, config: { policies: ['admin::isAuthenticatedAdmin'] }, handler: answer(handler) })

  strapi.server.routes({
    type: 'admin',
    prefix: '/pressroom',
    routes: [
      route('GET', '/posts/:documentId/versions', async (ctx) => {
        const { documentId } = ctx.params as { documentId: string }
        await requireHistoryReader(strapi, ctx, documentId)
        const versions = await listVersions(db(), documentId, VERSIONS_LISTED)
        return { data: versions.map(({ hash: _hash, ...version }) => version), meta: { total: await countVersions(db(), documentId) } }
      }),
      route('GET', '/posts/:documentId/versions/:id', async (ctx) => {
        const { documentId, id } = ctx.params as { documentId: string, id: string }
        await requireHistoryReader(strapi, ctx, documentId)
        const version = await readVersion(db(), documentId, Number(id))
        if (!version) throw new errors.NotFoundError(`This post has no version ${id}.`)
        const { snapshot, hash: _hash, ...meta } = version
        const post = JSON.parse(snapshot) as PostSnapshot
        return { data: { ...meta, post, bodyHtml: blocksToHtml(post.body as never) } }
      }),
      route('POST', '/posts/:documentId/versions/:id/restore', async (ctx) => {
        const { documentId, id } = ctx.params as { documentId: string, id: string }
        const draft = await draftOf(strapi, documentId)
        if (!draft) throw new errors.NotFoundError('This post was deleted: restore it from the trash.')
        if (!allowed(strapi, ctx, 'update', draft)) refuse('You may not change this post, so you cannot restore its versions.')
        return { data: await restoreVersion(strapi, db(), documentId, Number(id)) }
      }),
      route('GET', '/trash', async (ctx) => {
        if (!allowed(strapi, ctx, 'delete')) refuse('Only those who may delete posts see the trash.')
        return { data: await listTrash(db()) }
      }),
      route('POST', '/trash/:documentId/restore', async (ctx) => {
        const { documentId } = ctx.params as { documentId: string }
        if (!allowed(strapi, ctx, 'delete')) refuse('Only those who may delete posts can bring one back from the trash.')
        if (await draftOf(strapi, documentId)) throw new errors.ValidationError('This post is not in the trash.')
        const last = await newestVersion(db(), documentId)
        if (!last) throw new errors.NotFoundError('This post is not in the trash (it may have been purged).')
        return { data: await restoreVersion(strapi, db(), documentId, last.id) }
      }),
    ],
  })
}
