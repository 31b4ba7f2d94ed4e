import type { Core } from '@strapi/strapi'
import { syncAdminRoles } from './bootstrap/admin-roles'
import { applyEditorLabels } from './bootstrap/editor-labels'
import { syncPublicPermissions } from './bootstrap/public-permissions'
import { bumpContentVersionOnWrite } from './cache/bump-on-write'
import { friendlyValidation } from './document-middlewares/friendly-validation'
import { notifySiteOnChange } from './document-middlewares/notify-site-on-change'
import { postPublishRules } from './document-middlewares/post-publish-rules'
import { publishedOnlyForPublic } from './document-middlewares/published-only-for-public'
import { registerGraphqlExtension } from './graphql'
import { applyPrefetch } from './graphql/prefetch-relations'
import { shutDownGracefully } from './health/graceful-shutdown'
import { registerReadiness } from './health/readiness'
import { keepPostHistory, registerHistory, startHistory, stopHistory } from './history'
import { syncSitePreviewToken } from './preview/site-preview-token'
import { announceFirstPublish, startPublishWebhooks, stopPublishWebhooks } from './publish-events'
import { redirectRules } from './redirects/redirect-rules'
import { redirectOldSlugs } from './redirects/slug-change'
import { keepPostSchedules, startScheduledPublishing, stopScheduledPublishing } from './scheduling'
import { guardScheduling } from './scheduling/only-editors-schedule'
import { keepSearchIndexInSync, prepareSearchIndex } from './search/indexer'
import { ensurePostPathsIndex } from './sitemap/post-paths'
import { closeRedis } from './utils/redis'

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    strapi.documents.use(publishedOnlyForPublic(strapi))
    strapi.documents.use(friendlyValidation(strapi))
    strapi.documents.use(redirectRules(strapi))
    strapi.documents.use(redirectOldSlugs(strapi))
    strapi.documents.use(keepPostSchedules(strapi))
    // Outside the publish rules: a refused publish keeps no version.
    strapi.documents.use(keepPostHistory(strapi))
    strapi.documents.use(postPublishRules(strapi))
    strapi.documents.use(applyPrefetch())
    strapi.documents.use(notifySiteOnChange(strapi))
    // Registered inside the site notification, so search reflects a change before the site hears of it.
    strapi.documents.use(keepSearchIndexInSync(strapi))
    strapi.documents.use(announceFirstPublish(strapi))
    registerGraphqlExtension(strapi)
    registerHistory(strapi)
    guardScheduling(strapi)
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await syncPublicPermissions(strapi)
    await syncAdminRoles(strapi)
    await syncSitePreviewToken(strapi)
    await applyEditorLabels(strapi)
    await prepareSearchIndex(strapi)
    await ensurePostPathsIndex(strapi)
    await startHistory(strapi)
    await startPublishWebhooks(strapi)
    bumpContentVersionOnWrite(strapi)
    startScheduledPublishing(strapi)
    registerReadiness(strapi)
    shutDownGracefully(strapi)
  },

  async destroy({ strapi }: { strapi: Core.Strapi }) {
    await stopScheduledPublishing()
    stopHistory()
    await stopPublishWebhooks()
    await closeRedis(strapi)
  },
}
