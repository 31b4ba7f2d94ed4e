// Progress lines for backup and restore: one line per step, with what it did and how long it took.

export function formatBytes(bytes) {
  if (bytes < 1024) return `${bytes} B`
  const units = ['KB', 'MB', 'GB', 'TB']
  let value = bytes / 1024
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit += 1
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`
}

export function formatDuration(ms) {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`
}

export function plural(count, one, many = `${one}s`) {
  return `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`
}

/** "12 posts, 2 authors, 4 categories, 24 media library files, 1 admin user" */
export function describeCounts(counts) {
  return [
    plural(counts.posts, 'post'),
    plural(counts.authors, 'author'),
    plural(counts.categories, 'category', 'categories'),
    plural(counts.mediaFiles, 'media library file'),
    plural(counts.adminUsers, 'admin user'),
  ].join(', ')
}

/**
 * Runs one step: prints "▸ title …", then "  ✓ <what it returned> (duration)". The step returns the detail
 * line (or nothing) and may print lines of its own with `say`.
 */
export async function step(title, run) {
  console.log(`▸ ${title}`)
  const started = performance.now()
  const detail = await run()
  console.log(`  ✓ ${detail ? `${detail} ` : ''}(${formatDuration(performance.now() - started)})`)
}

export function say(line) {
  console.log(`  ${line}`)
}
