import { Flex, Typography } from '@strapi/design-system'
import { useRBAC } from '@strapi/strapi/admin'
import type { PanelComponent } from '../content-manager'
import { POST } from '../content-manager'
import { formatTime } from '../format-time'
import { scheduleState } from './schedule-state'

/** The edit view's "Schedule" panel: when the post goes live or comes down, or why a scheduled publish failed. */
export const SchedulePanel: PanelComponent = ({ model, document }) => {
  const { allowedActions } = useRBAC([{ action: 'plugin::content-manager.explorer.publish', subject: POST }])
  if (model !== POST || !document) return null
  const state = scheduleState(document)
  const unpublish = formatTime(document.unpublishAt)
  return {
    title: 'Schedule',
    content: (
      <Flex direction="column" alignItems="stretch" gap={2} width="100%">
        {state?.tone === 'scheduled' && (
          <Typography variant="omega" textColor="success600" fontWeight="bold">Publishes {state.when}</Typography>
        )}
        {state?.tone === 'failed' && (
          <>
            <Typography variant="omega" textColor="danger600" fontWeight="bold">Schedule failed{state.when ? ` (was due ${state.when})` : ''}</Typography>
            {state.reason && <Typography variant="pi" textColor="danger600">{state.reason}</Typography>}
            <Typography variant="pi" textColor="neutral600">Fix what it says, then publish now or choose a new "Publish at" time and save.</Typography>
          </>
        )}
        {unpublish && <Typography variant="omega" textColor="neutral800">Unpublishes {unpublish}</Typography>}
        {!state && !unpublish && (
          <Typography variant="pi" textColor="neutral600">
            {allowedActions.canPublish
              ? 'Not scheduled. Set "Publish at" (and, if you like, "Unpublish at") below, then save.'
              : 'Not scheduled. Only editors can schedule posts.'}
          </Typography>
        )}
      </Flex>
    ),
  }
}
