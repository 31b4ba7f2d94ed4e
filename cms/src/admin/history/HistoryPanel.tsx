import { Badge, Button, Flex, Typography } from '@strapi/design-system'
import { useFetchClient, useRBAC } from '@strapi/strapi/admin'
import { useEffect, useState } from 'react'
import type { PanelComponent } from '../content-manager'
import { POST } from '../content-manager'
import { formatTime } from '../format-time'
import type { Version } from './api'
import { STATUS_LABELS } from './api'
import { VersionModal } from './VersionModal'

const SHOWN = 8

/** The edit view's "History" panel: the post's versions, newest first; each opens read-only and can be restored. */
export const HistoryPanel: PanelComponent = ({ model, documentId, document }) => {
  const { get } = useFetchClient()
  const { allowedActions } = useRBAC([{ action: 'plugin::content-manager.explorer.update', subject: POST }])
  const [versions, setVersions] = useState<Version[] | null>(null)
  const [total, setTotal] = useState(0)
  const [open, setOpen] = useState<Version | null>(null)
  const updatedAt = document?.updatedAt

  useEffect(() => {
    if (model !== POST || !documentId) return
    let current = true
    get<{ data: Version[], meta: { total: number } }>(`/pressroom/posts/${documentId}/versions`)
      .then(({ data }) => {
        if (!current) return
        setVersions(data.data)
        setTotal(data.meta.total)
      })
      .catch(() => { if (current) setVersions([]) })
    return () => { current = false }
  }, [get, model, documentId, updatedAt])

  if (model !== POST || !documentId) return null
  return {
    title: 'History',
    content: (
      <Flex direction="column" alignItems="stretch" gap={2} width="100%">
        {versions === null && <Typography variant="pi" textColor="neutral600">Loading…</Typography>}
        {versions?.length === 0 && <Typography variant="pi" textColor="neutral600">No versions yet: each save keeps one.</Typography>}
        {versions?.slice(0, SHOWN).map(version => (
          <Flex key={version.id} justifyContent="space-between" alignItems="center" gap={2}>
            <Flex direction="column" alignItems="flex-start">
              <Typography variant="omega" fontWeight="semiBold">{formatTime(version.createdAt)}</Typography>
              <Typography variant="pi" textColor="neutral600">
                {version.actor}
                {' · '}
                <Badge>{STATUS_LABELS[version.status]}</Badge>
              </Typography>
            </Flex>
            <Button variant="tertiary" size="S" onClick={() => setOpen(version)}>View</Button>
          </Flex>
        ))}
        {total > SHOWN && <Typography variant="pi" textColor="neutral600">{total - SHOWN} older version(s) kept; the newest {SHOWN} are listed.</Typography>}
        {open && <VersionModal version={open} canRestore={Boolean(allowedActions.canUpdate)} onClose={() => setOpen(null)} />}
      </Flex>
    ),
  }
}
