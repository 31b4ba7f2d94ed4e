import { factories } from '@strapi/strapi'

// Read-only over REST: editors write through the admin, never through the public API.
export default factories.createCoreRouter('api::post.post', { only: ['find', 'findOne'] })
