import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/** What we accept from a caller as a request or correlation id: short, log- and header-safe. */
const TRACE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export const REQUEST_ID_HEADER = 'x-request-id';
export const CORRELATION_ID_HEADER = 'x-correlation-id';

function singleHeader(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return typeof value === 'string' && TRACE_ID.test(value) ? value : undefined;
}

/** Honours a valid incoming X-Request-Id (a gateway may have set it), else a fresh UUID. */
export function requestIdFrom(headers: IncomingHttpHeaders): string {
  return singleHeader(headers, REQUEST_ID_HEADER) ?? randomUUID();
}

/** The caller's X-Correlation-Id when valid; otherwise this request starts the chain with its own id. */
export function correlationIdFrom(headers: IncomingHttpHeaders, requestId: string): string {
  return singleHeader(headers, CORRELATION_ID_HEADER) ?? requestId;
}
