import { PREVIEW_HEADER } from './shared/utils/preview'

// The site's configuration. Every value a deployment changes is runtime config, set by environment variables:
// NUXT_CMS_GRAPHQL_URL, NUXT_CMS_MEDIA_URL, NUXT_CMS_TOKEN, NUXT_PUBLIC_SITE_NAME, NUXT_PUBLIC_SITE_URL, NUXT_PUBLIC_SITE_DESCRIPTION,
// for previews NUXT_PREVIEW_SECRET, NUXT_CMS_PREVIEW_TOKEN, NUXT_CMS_ADMIN_ORIGIN; for the sitemap NUXT_SITEMAP_MAX_URLS.

/**
 * A cached route (stale-while-revalidate for `seconds`). The preview header is part of the cache key, so a preview
 * (whose answers are private, and so never stored) cannot be answered from, nor replace, what visitors get.
 */
const cachedFor = (seconds: number) => ({ cache: { swr: true, maxAge: seconds, varies: [PREVIEW_HEADER] } })

export default defineNuxtConfig({
  compatibilityDate: '2026-11-01',
  devtools: { enabled: false },
  telemetry: false,
  // The site's own pages (about, contact, privacy) are Markdown under web/content/. /sitemap.xml is a server route
  // (server/routes/sitemap.xml.ts, the `sitemap` library): @nuxtjs/sitemap's nuxt-site-config middleware clones the
  // runtime config on every request, which cut the site's cached-page throughput by 13×.
  modules: ['@nuxt/content'],
  // No vue-router (~10 KB of browser JavaScript): every link is a real link to a server-rendered page, so app.vue
  // picks the page from the route table in app/utils/page-routes.ts. The pages are still app/pages/*.vue.
  pages: false,
  // Node 24's built-in SQLite instead of better-sqlite3 (smaller output, no native addon).
  // No Shiki highlighting for code in the site's pages: it marks every line up with `line` attributes and a <style>
  // in the body, which are not valid HTML, and the pages' few snippets read fine as plain <pre><code>.
  content: { experimental: { sqliteConnector: 'native' }, build: { markdown: { highlight: false } } },
  // The stylesheet is SiteLayout's own <style>, so Nuxt inlines it into each page, error pages included: no
  // render-blocking request.
  runtimeConfig: {
    // Server-only: the CMS URL and token never reach the browser.
    cmsGraphqlUrl: 'http://localhost:1337/graphql',
    cmsToken: '',
    // The CMS's address as browsers see it, for uploaded images (in Docker the API is http://cms:1337 inside the
    // network but http://localhost:1337 outside). Empty: the API's origin.
    cmsMediaUrl: '',
    // Shared with the CMS (SITE_WEBHOOK_SECRET there): verifies its "content changed" calls.
    webhookSecret: '',
    // Shared with the CMS (PREVIEW_SECRET there): verifies the signed, short-lived links its Preview opens.
    previewSecret: '',
    // A read-only API token for drafts, used only in preview mode (the CMS creates it from SITE_PREVIEW_TOKEN).
    cmsPreviewToken: '',
    // The admin's origin as editors' browsers see it, the only one that may frame a preview. Empty: the CMS's
    // public address (NUXT_CMS_MEDIA_URL, else the API's origin).
    cmsAdminOrigin: '',
    // Redis, when several site instances run: a purge on one reaches every instance (server/utils/purge-fan-out.ts).
    redisUrl: '',
    // URLs in one sitemap file (NUXT_SITEMAP_MAX_URLS, at most the protocol's 50,000): past it, /sitemap.xml is an index.
    sitemapMaxUrls: 50_000,
    public: {
      siteName: 'Lumen IP Advisory',
      siteDescription: 'Practical advice on patents, trademarks and working safely with manufacturers in China.',
      siteUrl: 'http://localhost:3000',
    },
  },
  app: {
    head: {
      htmlAttrs: { lang: 'en' },
      meta: [{ name: 'viewport', content: 'width=device-width, initial-scale=1' }],
      // Feed autodiscovery on every page (static, so it costs the browser bundle nothing; relative URLs resolve
      // against the page's own address).
      link: [
        { rel: 'alternate', type: 'application/rss+xml', title: 'RSS feed', href: '/feed.xml' },
        { rel: 'alternate', type: 'application/atom+xml', title: 'Atom feed', href: '/atom.xml' },
        { rel: 'alternate', type: 'application/feed+json', title: 'JSON Feed', href: '/feed.json' },
      ],
    },
  },
  // Pages and API answers are cached and served stale while they refresh in the background; the CMS's signed
  // webhook (server/api/revalidate.post.ts) purges them on every change, so edits show within seconds.
  routeRules: {
    '/**': {
      ...cachedFor(600),
      // The usual security headers. Pages also get a script-restricting Content-Security-Policy, built while they
      // render (server/plugins/content-security-policy.ts) because it names the hashes of Nuxt's inline scripts.
      headers: {
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'strict-origin-when-cross-origin',
        'X-Frame-Options': 'DENY',
        'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
      },
    },
    '/api/**': cachedFor(600),
    // Search answers are kept briefly: many different queries, each asked rarely.
    '/search': cachedFor(30),
    '/api/search': cachedFor(30),
    '/api/revalidate': { swr: false, cache: false },
    '/api/preview': { swr: false, cache: false },
    '/api/preview/**': { swr: false, cache: false },
    '/health': { swr: false, cache: false },
    '/_ready': { swr: false, cache: false },
  },
  // The page cache lives in a bounded LRU (entries and bytes), not Nitro's unbounded in-memory default: every
  // distinct URL (?any=query) is a cache entry, and a crawler or attacker must not be able to exhaust memory.
  // Scripts and styles are compressed once at build time (gzip and brotli) and sent compressed to browsers that ask.
  nitro: {
    storage: { cache: { driver: 'lru-cache', max: 5_000, maxSize: 64 * 1024 * 1024 } },
    compressPublicAssets: { gzip: true, brotli: true },
  },
  vite: {
    // Every component uses <script setup>; without the Options API, Vue's runtime is smaller.
    vue: { features: { optionsAPI: false } },
    $client: {
      build: {
        // Every browser the site supports preloads modules natively.
        modulePreload: { polyfill: false },
        // What every page runs (Vue, Nuxt, app.vue and the layout) is one file, not a dozen small ones that each
        // cost a request and compress worse apart: the entry chunk takes all its static imports, and one shared
        // chunk the helpers every page component imports (lazy hydration, the error helper, the site's paths).
        rolldownOptions: {
          output: {
            codeSplitting: {
              groups: [
                { name: 'entry', tags: ['$initial'] },
                { name: 'entry', test: /[\\/]utils[\\/]fail-page|[\\/]packages[\\/]types[\\/]|[\\/]components[\\/]runtime[\\/]lazy-hydrated/ },
              ],
            },
          },
        },
      },
    },
  },
  experimental: {
    // Client-side route rules and build-outdated checks are not used here; dropping them trims the client bundle.
    appManifest: false,
  },
  hooks: {
    // The browser's head is app/plugins/head.client.ts, not Unhead's renderer. The plugin is found by its path inside
    // Nuxt: if an upgrade moves it, the build stops here rather than quietly shipping 6 KB more.
    'app:resolve': (app) => {
      const plugins = app.plugins.filter(plugin => !plugin.src.includes('head/runtime/plugins/unhead.client'))
      if (plugins.length === app.plugins.length) throw new Error('nuxt.config.ts: Unhead\'s client plugin was not found to replace (did a Nuxt upgrade move head/runtime/plugins/unhead.client?).')
      app.plugins = plugins
    },
    // No chunk is prefetched: links load whole pages, so other pages' code is never needed here, and the search
    // suggestions load when the search box gets focus. (Nuxt's <link rel="prefetch" as="script"> is also invalid
    // HTML: `as` belongs to preload and modulepreload.) The suggestions are not preloaded either.
    'build:manifest': (manifest) => {
      for (const [id, chunk] of Object.entries(manifest)) {
        chunk.prefetch = false
        if (id.includes('SearchSuggestions')) chunk.preload = false
      }
    },
  },
  typescript: { strict: true },
})
