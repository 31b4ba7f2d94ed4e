// GET /api/navigation — the categories editors chose for the site header, in their order (at most six).
export default defineEventHandler(event => fromCms(event, cms => cms.listNavigationCategories()))
