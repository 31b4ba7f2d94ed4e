const time = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })
const zone = Intl.DateTimeFormat().resolvedOptions().timeZone

/** A moment in the editor's own time zone, named: "1 Dec 2026, 09:00 (Europe/Berlin)". */
export function formatTime(value: unknown): string | null {
  if ((typeof value !== 'string' || value === '') && typeof value !== 'number') return null
  const date = new Date(value)
  return Number.isNaN(date.getTime()) ? null : `${time.format(date)} (${zone})`
}
