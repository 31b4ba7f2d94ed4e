import { errors } from '@strapi/utils'

/** A validation error the admin shows under the field it names, as well as in its notification. */
export function fieldError(field: string, message: string): errors.ValidationError {
  return new errors.ValidationError(message, { errors: [{ path: [field], message, name: 'ValidationError' }] })
}
