/**
 * HTML read away from the site (feed readers, email, webhook receivers) needs absolute URLs: root-relative
 * links resolve against the site, root-relative images against where media is served (the site by default).
 */
export function absoluteUrlsInHtml(html: string, siteUrl: string, mediaUrl: string = siteUrl): string {
  // The attribute value is already HTML-escaped, and stays so.
  return html.replace(/\b(href|src)="(\/(?!\/)[^"]*)"/g, (_match, attribute: string, path: string) =>
    `${attribute}="${(attribute === 'src' ? mediaUrl : siteUrl).replace(/\/+$/, '')}${path}"`)
}
