import type { Core } from '@strapi/strapi'
import { PAGE_LIMITS } from '../src/utils/limits'

const config: Core.Config.Api = {
  rest: {
    defaultLimit: PAGE_LIMITS.defaultPageSize,
    maxLimit: PAGE_LIMITS.maxPageSize,
    withCount: true,
    strictParams: true,
  },
  documents: {
    strictParams: true,
    strictRelations: true,
  },
}

export default config
