// The WordPress import's command-line face: where the images are, a progress bar, and the closing report.
import { existsSync, statSync } from 'node:fs'
import path from 'node:path'
import cliProgress from 'cli-progress'
import { formatBytes, formatDuration, plural } from '../backup/progress.mjs'

const isFolder = folder => existsSync(folder) && statSync(folder).isDirectory()

/**
 * The export's uploads folder: the one given with --uploads, else `uploads/` or `wp-content/uploads/` beside the
 * export (how a site's files are usually handed over with it). Null when there is none: images stay references.
 */
export function uploadsFolderFor(exportFile, given) {
  if (given) {
    if (!isFolder(given)) {
      console.error(`✗ There is no uploads folder at ${given}.`)
      process.exit(2)
    }
    return given
  }
  const beside = path.dirname(exportFile)
  return [path.join(beside, 'uploads'), path.join(beside, 'wp-content', 'uploads')].find(isFolder) ?? null
}

/** A progress bar with the rate and the time left; on a log (no terminal) a line every few seconds instead. */
export function progressBar() {
  const bar = new cliProgress.SingleBar({
    format: '  posts [{bar}] {percentage}% | {value}/{total} | {speed} posts/s | {eta_formatted} left',
    barsize: 30,
    hideCursor: true,
    noTTYOutput: true,
    notTTYSchedule: 5000,
    etaBuffer: 20,
  }, cliProgress.Presets.shades_classic)
  const started = performance.now()
  let running = false
  return {
    update({ done, total }) {
      const speed = Math.round(done / Math.max((performance.now() - started) / 1000, 0.001))
      if (!running) {
        bar.start(total, done, { speed })
        running = true
      }
      else bar.update(done, { speed })
    },
    stop() {
      if (running) bar.stop()
    },
  }
}

const SHOWN = 20

function list(title, lines) {
  if (lines.length === 0) return
  console.log(title)
  for (const line of lines.slice(0, SHOWN)) console.log(`    ${line}`)
  if (lines.length > SHOWN) console.log(`    … and ${lines.length - SHOWN} more`)
}

/** The closing report: what went in, what changed on the way, what did not go in and why. */
export function printWordPressReport(report, peakMemoryBytes) {
  const { posts } = report
  const failed = report.problems.filter(problem => problem.kind === 'failed')
  const skipped = report.problems.filter(problem => problem.kind === 'skipped')
  const rate = posts.created / Math.max(report.seconds, 0.001)
  console.log(`Imported from ${report.site || 'the export'} in ${formatDuration(report.seconds * 1000)}: ${plural(posts.created, 'post')} created (${Math.round(rate)} posts/s), ${posts.updated} updated, ${posts.unchanged} unchanged; `
    + `${plural(report.authorsCreated, 'new author')}, ${plural(report.categoriesCreated, 'new category', 'new categories')}, ${plural(report.imagesUploaded, 'image')} uploaded, ${plural(report.redirectsAdded, 'old address', 'old addresses')} redirected. Peak memory ${formatBytes(peakMemoryBytes)}.`)
  list(`  ! ${plural(report.warnings.length, 'post')} imported with a note:`, report.warnings.map(({ item, note }) => `${item}: ${note}`))
  list(`  ! ${plural(report.imagesReferenced.length, 'image')} not in the uploads folder, each now a link to its old address (copy wp-content/uploads beside the export, or pass --uploads, and import again):`, report.imagesReferenced)
  list(`  - ${plural(skipped.length, 'item')} skipped:`, skipped.map(({ item, reason }) => `${item}: ${reason}`))
  list(`  ✗ ${plural(failed.length, 'item')} not imported:`, failed.map(({ item, reason }) => `${item}: ${reason}`))
}
