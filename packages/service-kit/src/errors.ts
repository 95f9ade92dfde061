import { defineErrors } from './app-error.ts';

/**
 * The kit's own stable codes. A code is never reused or renamed: clients branch on it.
 * Services define theirs the same way in their own errors.ts.
 */
export const kitErrors = defineErrors({
  VALIDATION_FAILED: { status: 400, title: 'Request validation failed' },
  MALFORMED_BODY: { status: 400, title: 'Request body is not valid JSON' },
  BAD_REQUEST: { status: 400, title: 'Bad request' },
  IDEMPOTENCY_KEY_INVALID: { status: 400, title: 'Idempotency-Key header is invalid' },
  UNAUTHENTICATED: { status: 401, title: 'Authentication required' },
  INSUFFICIENT_SCOPE: { status: 403, title: 'Missing required scope' },
  OUT_OF_JURISDICTION: { status: 403, title: 'Outside the caller’s agency or province' },
  ROUTE_NOT_FOUND: { status: 404, title: 'No such route' },
  NOT_FOUND: { status: 404, title: 'Resource not found' },
  METHOD_NOT_ALLOWED: { status: 405, title: 'Method not allowed' },
  NOT_ACCEPTABLE: { status: 406, title: 'Not acceptable' },
  CONFLICT: { status: 409, title: 'Conflict' },
  IDEMPOTENCY_REQUEST_IN_PROGRESS: {
    status: 409,
    title: 'A request with this Idempotency-Key is still in progress',
  },
  PRECONDITION_FAILED: { status: 412, title: 'Precondition failed' },
  PAYLOAD_TOO_LARGE: { status: 413, title: 'Request body too large' },
  URI_TOO_LONG: { status: 414, title: 'Request URI too long' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, title: 'Unsupported media type' },
  UNPROCESSABLE: { status: 422, title: 'Unprocessable request' },
  IDEMPOTENCY_KEY_REUSED: {
    status: 422,
    title: 'Idempotency-Key already used with a different request body',
  },
  RATE_LIMITED: { status: 429, title: 'Too many requests' },
  INTERNAL_ERROR: { status: 500, title: 'Internal server error' },
  SERVICE_OVERLOADED: { status: 503, title: 'Service is overloaded' },
  SERVICE_UNAVAILABLE: { status: 503, title: 'Service unavailable' },
});

export type KitErrorCode = keyof typeof kitErrors;
