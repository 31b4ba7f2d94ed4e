import type { RunningCms } from './cms-server.ts'
import { freePort, startCms } from './cms-server.ts'
import type { RunningWeb } from './web-server.ts'
import { startWeb, TEST_WEBHOOK_SECRET } from './web-server.ts'

/** The secret the test CMS signs preview links with and the test site checks them with. */
export const TEST_PREVIEW_SECRET = 'test-preview-secret-0123456789abcdef'
/** The read-only API token the test CMS creates for the site's previews. */
export const TEST_SITE_PREVIEW_TOKEN = 'test-site-preview-token-0123456789abcdef'

export interface RunningStack {
  cms: RunningCms
  web: RunningWeb
  /** The CMS's settings, to start more CMS instances on the same database. */
  cmsEnv: Record<string, string>
  stop: () => Promise<void>
}

/**
 * The built CMS and the built site wired as the quick start wires them: the CMS tells the site about changes
 * (signed webhook), its Preview opens the site (signed links), and the site reads drafts with its preview token.
 */
export async function startStack(databaseEnv: Record<string, string>, { cmsEnv = {}, webEnv = {} }: { cmsEnv?: Record<string, string>, webEnv?: Record<string, string> } = {}): Promise<RunningStack> {
  // The site's port is chosen first, so the CMS knows where the site is.
  const webPort = await freePort()
  const siteUrl = `http://127.0.0.1:${webPort}`
  const env = {
    ...databaseEnv,
    SITE_WEBHOOK_URL: `${siteUrl}/api/revalidate`,
    SITE_WEBHOOK_SECRET: TEST_WEBHOOK_SECRET,
    SITE_PUBLIC_URL: siteUrl,
    PREVIEW_SECRET: TEST_PREVIEW_SECRET,
    SITE_PREVIEW_TOKEN: TEST_SITE_PREVIEW_TOKEN,
    ...cmsEnv,
  }
  const cms = await startCms(env)
  const web = await startWeb(cms.url, { port: webPort, env: { NUXT_PREVIEW_SECRET: TEST_PREVIEW_SECRET, NUXT_CMS_PREVIEW_TOKEN: TEST_SITE_PREVIEW_TOKEN, NUXT_CMS_ADMIN_ORIGIN: cms.url, ...webEnv } })
  const stack: RunningStack = {
    cms,
    web,
    cmsEnv: env,
    // The test may have restarted the CMS (stack.cms): stop whichever runs now.
    stop: async () => {
      await stack.web.stop()
      await stack.cms.stop()
    },
  }
  return stack
}
