// The site's configuration. Every value a deployment changes is runtime config, set by environment variables:
// NUXT_CMS_GRAPHQL_URL, NUXT_CMS_MEDIA_URL, NUXT_CMS_TOKEN, NUXT_PUBLIC_SITE_NAME, NUXT_PUBLIC_SITE_URL, NUXT_PUBLIC_SITE_DESCRIPTION.
export default defineNuxtConfig({
  compatibilityDate: '2026-11-01',
  devtools: { enabled: false },
  telemetry: false,
  // The site's own pages (about, contact, privacy) are Markdown under web/content/.
  modules: ['@nuxt/content', '@nuxtjs/sitemap'],
  // /sitemap.xml: every published post, category and author, plus the site's own pages (server/api/__sitemap__).
  // The site URL comes from runtime config (NUXT_PUBLIC_SITE_URL), read by nuxt-site-config.
  site: { url: 'http://localhost:3000', name: 'Lumen IP Advisory' },
  // No cache of its own: the page cache above holds it, and the CMS webhook purges it.
  sitemap: { sources: ['/api/__sitemap__/urls'], exclude: ['/api/**', '/health'], autoLastmod: false, cacheMaxAgeSeconds: 0, xsl: false },
  // Node 24's built-in SQLite instead of better-sqlite3 (smaller output, no native addon).
  content: { experimental: { sqliteConnector: 'native' } },
  css: ['~/assets/main.css'],
  runtimeConfig: {
    // Server-only: the CMS URL and token never reach the browser.
    cmsGraphqlUrl: 'http://localhost:1337/graphql',
    cmsToken: '',
    // The CMS's address as browsers see it, for uploaded images (in Docker the API is http://cms:1337 inside the
    // network but http://localhost:1337 outside). Empty: the API's origin.
    cmsMediaUrl: '',
    // Shared with the CMS (SITE_WEBHOOK_SECRET there): verifies its "content changed" calls.
    webhookSecret: '',
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
    },
  },
  // Pages and API answers are cached and served stale while they refresh in the background; the CMS's signed
  // webhook (server/api/revalidate.post.ts) purges them on every change, so edits show within seconds.
  routeRules: {
    '/**': {
      swr: 600,
      // The usual security headers. Pages also get a script-restricting Content-Security-Policy, built while they
      // render (server/plugins/content-security-policy.ts) because it names the hashes of Nuxt's inline scripts.
      headers: {
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'strict-origin-when-cross-origin',
        'X-Frame-Options': 'DENY',
        'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
      },
    },
    '/api/**': { swr: 600 },
    '/api/revalidate': { swr: false, cache: false },
    '/health': { swr: false, cache: false },
  },
  typescript: { strict: true },
})
