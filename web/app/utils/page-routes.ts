// The site's routes, matched like vue-router matched them when app/pages/ was file-based routing (case-insensitive,
// an optional trailing slash, one decoded segment per parameter). Without vue-router the browser bundle is ~10 KB
// smaller; every link is a real link, so the router's only job is the server's render.
const ROUTES = [
  { name: 'index', pattern: /^\/?$/i },
  { name: 'search', pattern: /^\/search\/?$/i },
  { name: 'post', pattern: /^\/posts\/([^/]+?)\/?$/i },
  { name: 'topics', pattern: /^\/categories\/?$/i },
  { name: 'category', pattern: /^\/categories\/([^/]+?)\/?$/i },
  { name: 'author', pattern: /^\/authors\/([^/]+?)\/?$/i },
  { name: 'page', pattern: /^\/([^/]+?)\/?$/i },
] as const

export type PageName = (typeof ROUTES)[number]['name']

function decode(text: string): string {
  try {
    return decodeURIComponent(text)
  }
  catch {
    return text
  }
}

/** The page a path shows and its `slug`, or null for a path no page answers. */
export function matchPage(path: string): { name: PageName, params: Record<string, string> } | null {
  for (const { name, pattern } of ROUTES) {
    const match = pattern.exec(path)
    if (match) return { name, params: match[1] === undefined ? {} : { slug: decode(match[1]) } }
  }
  return null
}
