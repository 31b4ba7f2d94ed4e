/** How much history is kept (HISTORY_*, TRASH_KEEP_DAYS). */
export interface HistoryConfig {
  /** HISTORY=false turns versions and the trash off (the benchmark's baseline). */
  enabled: boolean
  /** A post keeps at least its newest N versions… */
  keepVersions: number
  /** …and every version from the last N days. */
  keepDays: number
  /** Deleted posts can be restored for N days (0: until the next purge, at boot and every six hours). */
  trashDays: number
}

function count(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number): number {
  const raw = env[name]
  const value = raw === undefined || raw === '' ? fallback : Number(raw)
  if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be a whole number of at least ${min}; got "${raw}".`)
  return value
}

export function historyConfig(env: NodeJS.ProcessEnv = process.env): HistoryConfig {
  return {
    enabled: env.HISTORY !== 'false',
    keepVersions: count(env, 'HISTORY_KEEP_VERSIONS', 50, 1),
    keepDays: count(env, 'HISTORY_KEEP_DAYS', 30, 0),
    trashDays: count(env, 'TRASH_KEEP_DAYS', 30, 0),
  }
}

export const DAY_MS = 86_400_000
