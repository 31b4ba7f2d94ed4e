export type { Author, AuthorSummary, Category, Image, ImageFormat, Page, Post, PostSummary, SearchHit, Seo } from '@pressroom/types'
export { createClient, MAX_PAGE_SIZE, MAX_SEARCH_QUERY_LENGTH } from './client.js'
export type { ListPostsOptions, PressroomClient, PressroomClientOptions, SearchPostsOptions } from './client.js'
export { AccessDeniedError, BadRequestError, CmsUnavailableError, NotFoundError, PressroomError, RateLimitedError } from './errors.js'
