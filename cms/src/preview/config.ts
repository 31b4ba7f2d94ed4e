/** Preview links: the secret the CMS signs them with (shared with the site) and where the site is. */
export interface PreviewConfig {
  /** PREVIEW_SECRET; the site checks links with the same value (NUXT_PREVIEW_SECRET). */
  secret: string
  /** SITE_PUBLIC_URL: the site as editors' browsers reach it. */
  siteUrl: string
  /** How long a link works after the editor opens the preview. */
  lifetimeSeconds: number
}

const GENERATE = 'node -e "console.log(require(\'crypto\').randomBytes(32).toString(\'base64url\'))"'

/** Why the admin offers no preview with these settings, or null when it does. */
export function previewOffReason(env: NodeJS.ProcessEnv = process.env): string | null {
  if (!env.PREVIEW_SECRET?.trim()) return 'PREVIEW_SECRET is not set'
  if (!env.SITE_PUBLIC_URL?.trim() && env.NODE_ENV === 'production') return 'SITE_PUBLIC_URL does not say where the site is (e.g. https://blog.example.com)'
  return null
}

/** The configuration from the environment, or null when preview is off (see previewOffReason). */
export function previewConfig(env: NodeJS.ProcessEnv = process.env): PreviewConfig | null {
  if (previewOffReason(env)) return null
  const secret = env.PREVIEW_SECRET!.trim()
  if (secret.length < 32) throw new Error(`PREVIEW_SECRET must be at least 32 characters long (it signs preview links). Generate one with: ${GENERATE}`)
  const siteUrl = env.SITE_PUBLIC_URL?.trim()
  const lifetimeSeconds = Number(env.PREVIEW_LINK_LIFETIME_SECONDS ?? 3600)
  if (!Number.isInteger(lifetimeSeconds) || lifetimeSeconds < 10 || lifetimeSeconds > 86_400)
    throw new Error(`PREVIEW_LINK_LIFETIME_SECONDS must be a whole number of seconds from 10 to 86400; got "${env.PREVIEW_LINK_LIFETIME_SECONDS}".`)
  return { secret, siteUrl: (siteUrl || 'http://localhost:3000').replace(/\/+$/, ''), lifetimeSeconds }
}
