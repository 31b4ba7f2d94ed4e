// GET /api/categories — every category by name with its count of published posts, for the "All topics" page.
export default defineEventHandler(event => fromCms(event, cms => cms.listCategories()))
