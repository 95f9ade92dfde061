import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { CORRELATION_ID_HEADER, correlationIdFrom } from '@enforcement/service-kit/request-ids';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sendProblem } from './problem.ts';

/** Request headers passed on to a service; everything else (cookies, the browser's own auth) stays here. */
const FORWARDED_REQUEST_HEADERS = [
  'accept',
  'accept-language',
  'content-type',
  'if-match',
  'if-none-match',
  'last-event-id',
  'idempotency-key',
];

/** Hop-by-hop headers (RFC 9110 section 7.6.1) and what the proxy sets itself. */
const DROPPED_RESPONSE_HEADERS = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

export interface ProxyTarget {
  /** Base URL of the service, without a trailing slash. */
  baseUrl: string;
  apiKey: string;
}

/**
 * Forwards the request to `target` at `path` (with the query string), adding the API key. The
 * response is piped as it arrives, so Server-Sent Events stream through unbuffered; when the browser
 * goes away the upstream request is destroyed, so the service frees its stream slot.
 */
export function forward(request: FastifyRequest, reply: FastifyReply, target: ProxyTarget, path: string) {
  const query = request.raw.url?.includes('?') ? request.raw.url.slice(request.raw.url.indexOf('?')) : '';
  const url = new URL(`${target.baseUrl}${path}${query}`);
  const headers: Record<string, string> = { authorization: `Bearer ${target.apiKey}` };
  for (const name of FORWARDED_REQUEST_HEADERS) {
    const value = request.headers[name];
    if (typeof value === 'string') headers[name] = value;
  }
  // The service logs the browser's correlation id, else this server's request id: one user action
  // can be followed through both logs.
  headers[CORRELATION_ID_HEADER] = correlationIdFrom(request.headers, request.id);
  const body = request.body instanceof Buffer ? request.body : undefined;
  if (body !== undefined) headers['content-length'] = String(body.length);
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;

  return new Promise<void>((done) => {
    const upstream = send(url, { method: request.method, headers }, (response: IncomingMessage) => {
      const isStream = (response.headers['content-type'] ?? '').startsWith('text/event-stream');
      const headers: Record<string, string | string[]> = {};
      for (const [name, value] of Object.entries(response.headers)) {
        if (value !== undefined && !DROPPED_RESPONSE_HEADERS.has(name)) headers[name] = value;
      }
      if (isStream) {
        // Events go out as they come: headers at once (the browser's EventSource opens before the
        // first event, which may be a heartbeat away), then every chunk written as it arrives.
        reply.hijack();
        reply.raw.writeHead(response.statusCode ?? 502, {
          ...headers,
          'cache-control': 'no-cache, no-transform',
          'x-accel-buffering': 'no',
        });
        reply.raw.flushHeaders();
        response.on('aborted', () => reply.raw.destroy());
        response.pipe(reply.raw);
      } else {
        reply
          .code(response.statusCode ?? 502)
          .headers(headers)
          .send(response);
      }
      done();
    });
    const abort = () => {
      if (!reply.raw.writableFinished) upstream.destroy();
    };
    reply.raw.on('close', abort);
    upstream.on('error', (error) => {
      if (reply.sent) {
        // Mid-stream: cut the browser's connection too, so its EventSource reconnects.
        reply.raw.destroy();
        return done();
      }
      request.log.warn({ err: error, upstream: url.origin }, 'upstream unreachable');
      sendProblem(reply, 502, 'Bad Gateway', `${url.origin} did not answer`);
      done();
    });
    upstream.end(body);
  });
}
