import { factories } from '@strapi/strapi'

// Read-only over REST, like every public type: the site reads redirects, editors manage them in the admin.
export default factories.createCoreRouter('api::redirect.redirect', { only: ['find', 'findOne'] })
