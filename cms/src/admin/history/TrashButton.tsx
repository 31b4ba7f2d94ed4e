import { Button, Flex, Modal, Typography } from '@strapi/design-system'
import { useFetchClient, useNotification, useRBAC } from '@strapi/strapi/admin'
import { useEffect, useState } from 'react'
import { useParams } from 'react-router-dom'
import { POST } from '../content-manager'
import { formatTime } from '../format-time'
import type { Restored, TrashItem } from './api'
import { restoredMessage } from './api'

/**
 * "Deleted posts" above the posts list (the `listView.actions` injection zone): the trash, newest first, each post
 * restorable as a draft with its documentId — its old address works again once it is published.
 */
export function TrashButton() {
  const { slug: model } = useParams<{ slug: string }>()
  const { get, post } = useFetchClient()
  const { toggleNotification } = useNotification()
  // The trash belongs to those who may delete posts (whoever may delete may undo it).
  const { allowedActions } = useRBAC([{ action: 'plugin::content-manager.explorer.delete', subject: POST }])
  const [items, setItems] = useState<TrashItem[] | null>(null)
  const [open, setOpen] = useState(false)

  useEffect(() => {
    if (model !== POST || !allowedActions.canDelete) return
    let current = true
    get<{ data: TrashItem[] }>('/pressroom/trash')
      .then(({ data }) => { if (current) setItems(data.data) })
      .catch(() => { if (current) setItems(null) })
    return () => { current = false }
  }, [get, model, allowedActions.canDelete])

  if (model !== POST || !allowedActions.canDelete || !items) return null
  const restore = async (item: TrashItem) => {
    try {
      const { data } = await post<{ data: Restored }>(`/pressroom/trash/${item.documentId}/restore`)
      toggleNotification({ type: 'success', message: restoredMessage(data.data, `“${item.title}” is back.`) })
      window.location.reload()
    }
    catch {
      toggleNotification({ type: 'danger', message: `“${item.title}” could not be restored. It is still in the trash.` })
    }
  }

  return (
    <Modal.Root open={open} onOpenChange={setOpen}>
      <Modal.Trigger>
        <Button variant="tertiary">Deleted posts ({items.length})</Button>
      </Modal.Trigger>
      <Modal.Content>
        <Modal.Header>
          <Modal.Title>Deleted posts</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <Flex direction="column" alignItems="stretch" gap={3}>
            {items.length === 0 && <Typography>The trash is empty. Deleted posts stay here for 30 days.</Typography>}
            {items.map(item => (
              <Flex key={item.documentId} justifyContent="space-between" alignItems="center" gap={4}>
                <Flex direction="column" alignItems="flex-start">
                  <Typography fontWeight="semiBold">{item.title}</Typography>
                  <Typography variant="pi" textColor="neutral600">
                    Deleted {formatTime(item.deletedAt)} by {item.actor}{item.wasPublished ? ' · was published' : ''}
                  </Typography>
                </Flex>
                <Button variant="secondary" size="S" onClick={() => restore(item)}>Restore</Button>
              </Flex>
            ))}
          </Flex>
        </Modal.Body>
      </Modal.Content>
    </Modal.Root>
  )
}
