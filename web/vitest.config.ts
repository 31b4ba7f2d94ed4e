import { fileURLToPath } from 'node:url'
import { defineVitestProject } from '@nuxt/test-utils/config'

// Component tests run inside a Nuxt environment (auto-imports, NuxtLink) on happy-dom.
const rootDir = fileURLToPath(new URL('.', import.meta.url))

export default defineVitestProject({
  root: rootDir,
  test: {
    name: 'web',
    include: ['test/nuxt/**/*.spec.ts'],
    environment: 'nuxt',
    environmentOptions: { nuxt: { rootDir, domEnvironment: 'happy-dom' } },
  },
})
