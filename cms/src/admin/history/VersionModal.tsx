import { Badge, Box, Button, Flex, Modal, Typography } from '@strapi/design-system'
import { useFetchClient, useNotification } from '@strapi/strapi/admin'
import type { ReactNode } from 'react'
import { useEffect, useState } from 'react'
import { formatTime } from '../format-time'
import type { Restored, Version, VersionDetail } from './api'
import { restoredMessage, STATUS_LABELS } from './api'

function Field({ label, children }: { label: string, children: ReactNode }) {
  return (
    <Flex direction="column" alignItems="stretch" gap={1}>
      <Typography variant="sigma" textColor="neutral600">{label}</Typography>
      <Typography variant="omega" textColor="neutral800">{children}</Typography>
    </Flex>
  )
}

/** One version, read-only, as it was saved — with "Restore as draft" when the editor may change the post. */
export function VersionModal({ version, onClose, canRestore }: { version: Version, onClose: () => void, canRestore: boolean }) {
  const { get, post } = useFetchClient()
  const { toggleNotification } = useNotification()
  const [detail, setDetail] = useState<VersionDetail | null>(null)
  const [restoring, setRestoring] = useState(false)

  useEffect(() => {
    let current = true
    get<{ data: VersionDetail }>(`/pressroom/posts/${version.documentId}/versions/${version.id}`)
      .then(({ data }) => { if (current) setDetail(data.data) })
      .catch(() => toggleNotification({ type: 'danger', message: 'This version could not be loaded.' }))
    return () => { current = false }
  }, [get, version, toggleNotification])

  const restore = async () => {
    setRestoring(true)
    try {
      const { data } = await post<{ data: Restored }>(`/pressroom/posts/${version.documentId}/versions/${version.id}/restore`)
      toggleNotification({ type: 'success', message: restoredMessage(data.data, `The version of ${formatTime(version.createdAt)} is restored.`) })
      window.location.reload()
    }
    catch {
      toggleNotification({ type: 'danger', message: 'The version could not be restored. Nothing was changed.' })
      setRestoring(false)
    }
  }

  const saved = detail?.post
  return (
    <Modal.Root open onOpenChange={open => !open && onClose()}>
      <Modal.Content>
        <Modal.Header>
          <Modal.Title>
            {formatTime(version.createdAt)} · {version.actor} · {STATUS_LABELS[version.status]}
          </Modal.Title>
        </Modal.Header>
        <Modal.Body>
          {!saved && <Typography>Loading…</Typography>}
          {saved && (
            <Flex direction="column" alignItems="stretch" gap={4}>
              {version.note && <Badge>{version.note}</Badge>}
              <Field label="Title">{saved.title}</Field>
              <Field label="URL slug">{saved.slug}</Field>
              <Field label="Excerpt">{saved.excerpt || '—'}</Field>
              <Field label="Author">{saved.author?.name ?? '—'}</Field>
              <Field label="Categories">{saved.categories.map(category => category.name).join(', ') || '—'}</Field>
              <Field label="Cover image">{saved.cover ? `${saved.cover.name}${saved.cover.alternativeText ? ` — “${saved.cover.alternativeText}”` : ''}` : '—'}</Field>
              <Field label="Publication date">{formatTime(saved.date) ?? '—'}</Field>
              <Field label="Search & sharing">{saved.seo ? [saved.seo.metaTitle, saved.seo.metaDescription].filter(Boolean).join(' — ') || '—' : '—'}</Field>
              <Flex direction="column" alignItems="stretch" gap={1}>
                <Typography variant="sigma" textColor="neutral600">Body</Typography>
                {/* The CMS's own renderer made this HTML: every text escaped, only safe links. */}
                <Box padding={4} background="neutral100" hasRadius className="pressroom-version-body" dangerouslySetInnerHTML={{ __html: detail.bodyHtml }} />
              </Flex>
            </Flex>
          )}
        </Modal.Body>
        <Modal.Footer>
          <Modal.Close>
            <Button variant="tertiary">Close</Button>
          </Modal.Close>
          {canRestore && (
            <Button onClick={restore} loading={restoring} disabled={!saved}>Restore as draft</Button>
          )}
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  )
}
