import { Buffer } from 'node:buffer'

/** Where `post.published` events go and how they are signed (PUBLISH_WEBHOOK_URLS, PUBLISH_WEBHOOK_SECRET). */
export interface PublishWebhookConfig {
  receivers: string[]
  /** A Standard Webhooks secret: `whsec_` followed by base64 (at least 16 bytes once decoded). */
  secret: string
  /** The site's public address: post, author and category URLs in the payload point there. */
  siteUrl: string
}

const GENERATE = 'node -e "console.log(\'whsec_\' + require(\'crypto\').randomBytes(24).toString(\'base64\'))"'

function receiversFrom(list: string): string[] {
  return list.split(',').map(entry => entry.trim()).filter(Boolean).map((entry) => {
    const url = URL.canParse(entry) ? new URL(entry) : null
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:'))
      throw new Error(`PUBLISH_WEBHOOK_URLS holds "${entry}", which is not an http(s) URL. List receivers separated by commas.`)
    return url.toString()
  })
}

function checkedSecret(secret: string | undefined): string {
  const base64 = secret?.trim().replace(/^whsec_/, '') ?? ''
  const valid = /^[A-Z0-9+/]+={0,2}$/i.test(base64) && Buffer.from(base64, 'base64').length >= 16
  if (!valid) {
    throw new Error(`PUBLISH_WEBHOOK_URLS is set, so PUBLISH_WEBHOOK_SECRET must be a signing secret: "whsec_" followed by at least 16 bytes in base64. Generate one with: ${GENERATE}`)
  }
  return secret!.trim()
}

/** The configuration from the environment, or null when no receiver is configured (nothing is announced then). */
export function publishWebhookConfig(env: NodeJS.ProcessEnv = process.env): PublishWebhookConfig | null {
  const receivers = receiversFrom(env.PUBLISH_WEBHOOK_URLS ?? '')
  if (receivers.length === 0) return null
  const siteUrl = env.SITE_PUBLIC_URL?.trim()
  if (!siteUrl && env.NODE_ENV === 'production')
    throw new Error('PUBLISH_WEBHOOK_URLS is set, so SITE_PUBLIC_URL must say where the site is (e.g. https://blog.example.com): events link to posts there.')
  return { receivers, secret: checkedSecret(env.PUBLISH_WEBHOOK_SECRET), siteUrl: siteUrl || 'http://localhost:3000' }
}
