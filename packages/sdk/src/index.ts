export type { Author, AuthorSummary, Category, Image, ImageFormat, Page, Post, PostSummary, Seo } from '@pressroom/types'
export { createClient, MAX_PAGE_SIZE } from './client.js'
export type { ListPostsOptions, PressroomClient, PressroomClientOptions } from './client.js'
export { AccessDeniedError, BadRequestError, CmsUnavailableError, NotFoundError, PressroomError } from './errors.js'
