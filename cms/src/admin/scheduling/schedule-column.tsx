import { Badge, Flex, Typography } from '@strapi/design-system'
import type { ListViewHeader, ListViewHookArgs } from '../content-manager'
import { scheduleState } from './schedule-state'

const isPostList = () => window.location.pathname.includes('/api::post.post')

function ScheduleCell({ row }: { row: Record<string, unknown> }) {
  const state = scheduleState(row)
  if (!state) return <Typography textColor="neutral500">-</Typography>
  return (
    <Flex direction="column" alignItems="flex-start" gap={1}>
      <Badge active={state.tone === 'scheduled'} backgroundColor={state.tone === 'failed' ? 'danger100' : 'success100'} textColor={state.tone === 'failed' ? 'danger700' : 'success700'}>
        {state.label}
      </Badge>
      {state.when && <Typography variant="pi" textColor="neutral600">{state.when}</Typography>}
    </Flex>
  )
}

const SCHEDULE_COLUMN: ListViewHeader = {
  name: 'publishAt',
  label: { id: 'pressroom.list.schedule', defaultMessage: 'Schedule' },
  attribute: { type: 'datetime' },
  searchable: false,
  sortable: true,
  cellFormatter: row => <ScheduleCell row={row} />,
}

/** The posts list gets a "Schedule" column: Scheduled (with the time) or Schedule failed. Sorting by it sorts by time. */
export function addScheduleColumn({ displayedHeaders, layout }: ListViewHookArgs): ListViewHookArgs {
  if (!isPostList() || displayedHeaders.some(header => header.name === SCHEDULE_COLUMN.name)) return { displayedHeaders, layout }
  return { displayedHeaders: [...displayedHeaders, SCHEDULE_COLUMN], layout }
}
