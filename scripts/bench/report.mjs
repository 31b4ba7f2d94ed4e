// Prints benchmark rows as a Markdown table (ready to paste into a note) and keeps them for the JSON file.

export function table(title, columns, rows) {
  const widths = columns.map((column, index) => Math.max(column.length, ...rows.map(row => String(row[index]).length)))
  const line = cells => `| ${cells.map((cell, index) => String(cell).padEnd(widths[index])).join(' | ')} |`
  return [`\n### ${title}\n`, line(columns), `|${widths.map(width => '-'.repeat(width + 2)).join('|')}|`, ...rows.map(line)].join('\n')
}

export const ms = value => `${Number(value).toFixed(1)} ms`
export const perSecond = value => `${Math.round(value)}/s`
export const verdict = ok => (ok ? 'met' : 'MISSED')
export const kb = bytes => `${(bytes / 1024).toFixed(1)} KB`

/** The p-th percentile (nearest rank) of a list of numbers. */
export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]
}
