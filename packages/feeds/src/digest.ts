import { escapeHtml, formatPostDate } from '@pressroom/richtext'
import type { PostSummary } from '@pressroom/types'
import { sitePaths } from '@pressroom/types'

/** An email-ready digest: HTML for mail clients, and the plain-text alternative. */
export interface Digest {
  subject: string
  html: string
  text: string
}

export interface DigestOptions {
  siteName: string
  /** Absolute URL of the site. */
  siteUrl: string
  /** The start of the period, as asked for. */
  since: Date
  posts: PostSummary[]
}

const dateLabel = (date: Date) => formatPostDate(date.toISOString())

// Mail clients ignore <style> and most CSS: every style is inline, layout is tables, widths are attributes.
const FONT = 'font-family:Arial,Helvetica,sans-serif;'
const IMAGE_WIDTH = 560

function postHtml(post: PostSummary, url: string): string {
  const meta = [post.author?.name ? `By ${escapeHtml(post.author.name)}` : '', `On ${dateLabel(new Date(post.date))}`].filter(Boolean).join(' / ')
  const image = post.cover
    ? `<tr><td style="padding:0 0 12px 0;"><a href="${escapeHtml(url)}"><img src="${escapeHtml(post.cover.url)}" alt="${escapeHtml(post.cover.alt)}" width="${IMAGE_WIDTH}" style="display:block;width:100%;max-width:${IMAGE_WIDTH}px;height:auto;border:0;"></a></td></tr>`
    : ''
  return `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="margin:0 0 28px 0;">
${image}<tr><td style="${FONT}font-size:20px;line-height:26px;font-weight:bold;padding:0 0 6px 0;"><a href="${escapeHtml(url)}" style="color:#0f2a4a;text-decoration:none;">${escapeHtml(post.title)}</a></td></tr>
<tr><td style="${FONT}font-size:13px;line-height:18px;color:#45506a;padding:0 0 8px 0;">${meta}</td></tr>
<tr><td style="${FONT}font-size:15px;line-height:22px;color:#14213d;padding:0 0 8px 0;">${escapeHtml(post.excerpt)}</td></tr>
<tr><td style="${FONT}font-size:15px;line-height:22px;"><a href="${escapeHtml(url)}" style="color:#c2410c;font-weight:bold;">Read the post →</a></td></tr>
</table>`
}

/** The posts since a date as an email: title, meta line, cover, excerpt and link for each — no scripts, no forms. */
export function buildDigest({ siteName, siteUrl, since, posts }: DigestOptions): Digest {
  const postUrl = (post: PostSummary) => new URL(sitePaths.post(post.slug), siteUrl).toString()
  const count = posts.length === 1 ? '1 new post' : `${posts.length} new posts`
  const subject = `${siteName}: ${count} since ${dateLabel(since)}`
  const intro = posts.length > 0 ? `${count} since ${dateLabel(since)}.` : `Nothing new since ${dateLabel(since)}.`
  const html = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;padding:0;background:#f4f6f9;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background:#f4f6f9;"><tr><td align="center" style="padding:24px 12px;">
<table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0" style="width:100%;max-width:600px;background:#ffffff;">
<tr><td style="${FONT}background:#0f2a4a;color:#ffffff;font-size:20px;font-weight:bold;padding:20px;"><a href="${escapeHtml(siteUrl)}" style="color:#ffffff;text-decoration:none;">${escapeHtml(siteName)}</a></td></tr>
<tr><td style="${FONT}font-size:15px;color:#45506a;padding:20px 20px 8px 20px;">${intro}</td></tr>
<tr><td style="padding:12px 20px 0 20px;">
${posts.map(post => postHtml(post, postUrl(post))).join('\n')}
</td></tr>
<tr><td style="${FONT}font-size:12px;color:#45506a;padding:16px 20px 24px 20px;border-top:1px solid #dfe3ea;">You receive this because you subscribed to ${escapeHtml(siteName)}. <a href="${escapeHtml(siteUrl)}" style="color:#45506a;">Visit the blog</a></td></tr>
</table></td></tr></table>
</body></html>
`
  const text = [
    subject,
    '',
    intro,
    '',
    ...posts.flatMap(post => [post.title, `${post.author?.name ? `By ${post.author.name} / ` : ''}On ${dateLabel(new Date(post.date))}`, post.excerpt, postUrl(post), '']),
    `— ${siteName}: ${siteUrl}`,
  ].join('\n')
  return { subject, html, text }
}
