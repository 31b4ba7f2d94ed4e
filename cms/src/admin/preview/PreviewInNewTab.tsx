import { Button } from '@strapi/design-system'
import { useFetchClient } from '@strapi/strapi/admin'
import { useEffect, useState } from 'react'
import { useLocation, useParams } from 'react-router-dom'

/**
 * "Open in a new tab" beside the preview page's own buttons (the `preview.actions` injection zone): the same
 * signed link Strapi frames, for a full browser tab. A fresh link is fetched whenever the previewed document,
 * its tab (draft or published) or the page changes.
 */
export function PreviewInNewTab() {
  const { slug: model, id: documentId } = useParams<{ slug: string, id: string }>()
  const { search } = useLocation()
  const { get } = useFetchClient()
  const [url, setUrl] = useState<string | null>(null)
  const status = new URLSearchParams(search).get('status') === 'published' ? 'published' : 'draft'

  useEffect(() => {
    let current = true
    setUrl(null)
    if (!model || !documentId) return
    get<{ data: { url?: string } }>(`/content-manager/preview/url/${model}`, { params: { documentId, status } })
      .then(({ data }) => { if (current) setUrl(data?.data?.url ?? null) })
      .catch(() => { if (current) setUrl(null) })
    return () => { current = false }
  }, [get, model, documentId, status])

  if (!url) return null
  return (
    <Button tag="a" href={url} target="_blank" rel="noopener noreferrer" variant="tertiary" size="S" style={{ flexShrink: 0, whiteSpace: 'nowrap' }}>
      Open in a new tab
    </Button>
  )
}
