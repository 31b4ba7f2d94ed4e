import { formatTime } from '../format-time'

/** What a post's schedule looks like to an editor; shared by the edit-view panel and the list-view column. */
export interface ScheduleState {
  tone: 'scheduled' | 'failed'
  label: string
  /** The time, in the editor's own time zone. */
  when: string | null
  reason: string | null
}


export function scheduleState(document: Record<string, unknown> | undefined): ScheduleState | null {
  if (!document) return null
  const when = formatTime(document.publishAt)
  if (document.scheduleStatus === 'failed') return { tone: 'failed', label: 'Schedule failed', when, reason: typeof document.scheduleError === 'string' ? document.scheduleError : null }
  if (document.scheduleStatus === 'scheduled' && when) return { tone: 'scheduled', label: 'Scheduled', when, reason: null }
  return null
}
