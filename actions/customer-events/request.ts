import type { Config } from '../lib/config'
import { ValidationError } from '../lib/errors'
import type { LookupRequest } from '../lib/input'
import { type FieldErrors, parseLookupRequest, single } from '../lib/input'

export interface EventsRequest extends LookupRequest {
  /** The "load more" cursor of an earlier page, or null for the first page. */
  cursor: string | null
}

/** The lookup's parameters (its events limit is called `limit` here) and an optional cursor. */
export function parseEventsRequest(fields: Record<string, unknown>, config: Config): EventsRequest {
  const lookup = parseLookupRequest({ ...fields, fields: 'events' }, config, 'limit')
  const errors: FieldErrors = {}
  const cursor = single(fields.cursor, 'cursor', errors)
  if (errors.cursor) throw new ValidationError('INVALID_PARAMETER', errors)
  return { ...lookup, cursor: cursor || null }
}
