// Fills a benchmark's scratch database (cms/tests/support/prepare-database.mjs) and settles it, so every section
// measures a database in the state a real site's would be in.
import { runCmsScript } from '../../testing/cms-server.ts'

/** @param {import('../../testing/cms-server.ts').TestDatabase} database @param {string[]} args prepare-database's options */
export async function seedDatabase(database, args) {
  const seeded = await runCmsScript('tests/support/prepare-database.mjs', args, database.env)
  if (seeded.code !== 0) throw new Error(`Seeding failed:\n${seeded.output}`)
  await database.settle()
}
