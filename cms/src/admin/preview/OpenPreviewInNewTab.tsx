import { useFetchClient } from '@strapi/strapi/admin'
import type { DocumentActionComponent } from '../content-manager'

const PREVIEWABLE = new Set(['api::post.post', 'api::author.author', 'api::category.category'])

/**
 * "Open preview in a new tab", in the edit view's menu: asks the CMS for the same signed link Strapi's Preview panel
 * frames, and opens it in a tab of its own. The tab is opened before the request so that browsers treat it as the
 * click's own window, not a pop-up. (The preview page has its own button: PreviewInNewTab.)
 */
export const OpenPreviewInNewTab: DocumentActionComponent = ({ model, documentId, document, activeTab }) => {
  const { get } = useFetchClient()
  if (!PREVIEWABLE.has(model) || !documentId || !document?.documentId) return null
  return {
    label: 'Open preview in a new tab',
    position: ['header'],
    onClick: async () => {
      const tab = window.open('about:blank', '_blank')
      const status = activeTab === 'published' ? 'published' : 'draft'
      const { data } = await get<{ data: { url?: string } }>(`/content-manager/preview/url/${model}`, { params: { documentId, status } })
      const url = data?.data?.url
      if (!tab) return
      if (!url) {
        tab.close()
        return
      }
      tab.opener = null
      tab.location.href = url
    },
  }
}
