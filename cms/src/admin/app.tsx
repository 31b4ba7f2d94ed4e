import type { StrapiApp } from '@strapi/strapi/admin'
import type { ContentManagerApis } from './content-manager'
import { HistoryPanel } from './history/HistoryPanel'
import { TrashButton } from './history/TrashButton'
import { OpenPreviewInNewTab } from './preview/OpenPreviewInNewTab'
import { PreviewInNewTab } from './preview/PreviewInNewTab'
import { addScheduleColumn } from './scheduling/schedule-column'
import { SchedulePanel } from './scheduling/SchedulePanel'

// The admin is where editors live: Pressroom's additions go through the Content Manager's extension points.
export default {
  config: { locales: [] as string[] },
  register(app: StrapiApp) {
    app.registerHook('Admin/CM/pages/ListView/inject-column-in-table', addScheduleColumn)
  },
  bootstrap(app: StrapiApp) {
    const contentManager = app.getPlugin('content-manager')
    const apis = contentManager.apis as unknown as ContentManagerApis
    apis.addEditViewSidePanel([SchedulePanel, HistoryPanel])
    apis.addDocumentAction([OpenPreviewInNewTab])
    contentManager.injectComponent('preview', 'actions', { name: 'pressroom-preview-in-new-tab', Component: PreviewInNewTab })
    contentManager.injectComponent('listView', 'actions', { name: 'pressroom-trash', Component: TrashButton })
  },
}
