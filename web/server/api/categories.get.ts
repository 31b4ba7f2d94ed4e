// GET /api/categories — every category, for the navigation.
export default defineEventHandler(event => fromCms(event, cms => cms.listCategories()))
