/** Every error the sdk throws is a PressroomError; switch on the subclass (or `name`) to react. */
export class PressroomError extends Error {
  override name = 'PressroomError'
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options)
  }
}

/** The slug or id names nothing published. */
export class NotFoundError extends PressroomError {
  override name = 'NotFoundError'
  constructor(readonly resource: string, readonly key: string) {
    super(`No published ${resource} "${key}".`)
  }
}

/** The request itself is wrong (bad arguments, a query the API rejects): retrying will not help. */
export class BadRequestError extends PressroomError {
  override name = 'BadRequestError'
}

/** The token is missing, wrong or lacks the permission. */
export class AccessDeniedError extends PressroomError {
  override name = 'AccessDeniedError'
}

/** The CMS could not be reached, timed out or failed: retry later, or serve what you have cached. */
export class CmsUnavailableError extends PressroomError {
  override name = 'CmsUnavailableError'
}

/** Too many requests for this client (HTTP 429): wait `retryAfterSeconds`, then try again. */
export class RateLimitedError extends PressroomError {
  override name = 'RateLimitedError'
  constructor(message: string, readonly retryAfterSeconds: number, options?: { cause?: unknown }) {
    super(message, options)
  }
}
