/** What a post's schedule looks like to an editor; shared by the edit-view panel and the list-view column. */
export interface ScheduleState {
  tone: 'scheduled' | 'failed'
  label: string
  /** The time, in the editor's own time zone. */
  when: string | null
  reason: string | null
}

const time = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })
const zone = Intl.DateTimeFormat().resolvedOptions().timeZone

export function formatTime(value: unknown): string | null {
  if (typeof value !== 'string' || value === '') return null
  const date = new Date(value)
  return Number.isNaN(date.getTime()) ? null : `${time.format(date)} (${zone})`
}

export function scheduleState(document: Record<string, unknown> | undefined): ScheduleState | null {
  if (!document) return null
  const when = formatTime(document.publishAt)
  if (document.scheduleStatus === 'failed') return { tone: 'failed', label: 'Schedule failed', when, reason: typeof document.scheduleError === 'string' ? document.scheduleError : null }
  if (document.scheduleStatus === 'scheduled' && when) return { tone: 'scheduled', label: 'Scheduled', when, reason: null }
  return null
}
