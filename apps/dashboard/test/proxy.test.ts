import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/config.ts';

const KEY = 'dashboard-test-key-0123456789abcdef';
const PRINCIPAL = {
  keyId: 'dashboard-inspection',
  agency: 'inspection',
  province: null,
  scopes: ['notifications:read', 'stats:read'],
};

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/** A real HTTP server standing in for a service: it echoes requests and streams events on demand. */
let upstream: Server;
const seen: Seen[] = [];
let releaseSecond: () => void = () => {};
let streamClosed: Promise<void> = Promise.resolve();
let app: FastifyInstance;
let base: string;

function handle(request: IncomingMessage, response: ServerResponse) {
  let body = '';
  request.on('data', (chunk: Buffer) => {
    body += chunk.toString();
  });
  request.on('end', () => {
    seen.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers, body });
    if (request.url?.startsWith('/v1/feeds/inspection/stream')) {
      response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      response.write(`id: c1\nevent: notification\ndata: {"n":1}\n\n`);
      streamClosed = new Promise((resolve) => response.on('close', () => resolve()));
      releaseSecond = () => response.write(`id: c2\nevent: notification\ndata: {"n":2}\n\n`);
      return;
    }
    if (request.url === '/v1/principal') {
      const known = request.headers.authorization === `Bearer ${KEY}`;
      response.writeHead(known ? 200 : 401, { 'content-type': 'application/json' });
      response.end(JSON.stringify(known ? PRINCIPAL : { code: 'UNAUTHENTICATED' }));
      return;
    }
    response.writeHead(request.method === 'POST' ? 201 : 200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ ok: true }));
  });
}

beforeAll(async () => {
  upstream = createServer(handle);
  upstream.listen(0, '127.0.0.1');
  await once(upstream, 'listening');
  const upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
  const config = loadConfig({
    PORT: '0',
    OVERSIGHT_URL: upstreamUrl,
    CUSTOMS_GOODS_URL: upstreamUrl,
    CASE_INTAKE_URL: 'http://127.0.0.1:9',
    DASHBOARD_API_KEY: KEY,
    DASHBOARD_AUDIENCES: 'inspection,inspection:khuzestan',
  });
  app = await buildApp(config, { logger: false });
  base = await app.listen({ host: '127.0.0.1', port: 0 });
});

afterAll(async () => {
  await app.close();
  upstream.closeAllConnections();
  upstream.close();
});

describe('dashboard server', () => {
  it('answers /health/live and tells the page its audiences and who its key is, never the key', async () => {
    expect((await fetch(`${base}/health/live`)).status).toBe(200);
    const response = await fetch(`${base}/api/config`);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({
      audiences: ['inspection', 'inspection:khuzestan'],
      principal: PRINCIPAL,
    });
    expect(text).not.toContain(KEY);
    expect(seen.at(-1)?.headers.authorization).toBe(`Bearer ${KEY}`);
  });

  it('tells the page no principal when oversight cannot say, and still serves its configuration', async () => {
    const lost = await buildApp(
      loadConfig({
        PORT: '0',
        OVERSIGHT_URL: 'http://127.0.0.1:9',
        CUSTOMS_GOODS_URL: 'http://127.0.0.1:9',
        CASE_INTAKE_URL: 'http://127.0.0.1:9',
        DASHBOARD_API_KEY: KEY,
      }),
      { logger: false },
    );
    try {
      const response = await lost.inject({ url: '/api/config' });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({ audiences: ['inspection'], principal: null });
    } finally {
      await lost.close();
    }
  });

  it('forwards reads with the key added and the query kept, replacing what the browser sent', async () => {
    const response = await fetch(`${base}/api/customs/v1/stats/dwell?province=khuzestan`, {
      headers: { authorization: 'Bearer browser-supplied-key-000000', cookie: 'session=1' },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
    const request = seen.at(-1);
    expect(request?.url).toBe('/v1/stats/dwell?province=khuzestan');
    expect(request?.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(request?.headers.cookie).toBeUndefined();
  });

  it('forwards acknowledgements (POST) and refuses other writes', async () => {
    const ack = await fetch(`${base}/api/oversight/v1/notifications/n-1/acknowledgements`, {
      method: 'POST',
    });
    expect(ack.status).toBe(201);
    expect(seen.at(-1)).toMatchObject({ method: 'POST', url: '/v1/notifications/n-1/acknowledgements' });
    const other = await fetch(`${base}/api/oversight/v1/rules`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(other.status).toBe(405);
    expect(other.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    expect(await other.json()).toMatchObject({ status: 405, title: 'Method Not Allowed' });
    const outside = await fetch(`${base}/api/oversight/health/ready`);
    expect(outside.status).toBe(404);
    expect(await outside.json()).toMatchObject({
      status: 404,
      detail: 'Only /api/oversight/v1/... is forwarded',
    });
  });

  it('sends its request id to the service as the correlation id unless the browser sent a valid one', async () => {
    const own = await fetch(`${base}/api/customs/v1/stats/dwell`);
    const requestId = own.headers.get('x-request-id');
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(seen.at(-1)?.headers['x-correlation-id']).toBe(requestId);

    await fetch(`${base}/api/customs/v1/stats/dwell`, { headers: { 'x-correlation-id': 'user-action-42' } });
    expect(seen.at(-1)?.headers['x-correlation-id']).toBe('user-action-42');

    const junk = await fetch(`${base}/api/customs/v1/stats/dwell`, {
      headers: { 'x-correlation-id': 'no spaces <allowed>', 'x-request-id': 'gateway-7' },
    });
    expect(junk.headers.get('x-request-id')).toBe('gateway-7');
    expect(seen.at(-1)?.headers['x-correlation-id']).toBe('gateway-7');
  });

  it('answers with security headers: the page may load nothing from elsewhere and not be framed', async () => {
    const response = await fetch(`${base}/health/live`);
    const policy = response.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toContain('unsafe-inline');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
  });

  it('streams Server-Sent Events through unbuffered, passes Last-Event-ID, and closes upstream with the browser', async () => {
    const controller = new AbortController();
    const response = await fetch(`${base}/api/oversight/v1/feeds/inspection/stream?severity=high`, {
      headers: { accept: 'text/event-stream', 'last-event-id': 'c0' },
      signal: controller.signal,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const request = seen.at(-1);
    expect(request?.url).toBe('/v1/feeds/inspection/stream?severity=high');
    expect(request?.headers['last-event-id']).toBe('c0');
    expect(request?.headers.authorization).toBe(`Bearer ${KEY}`);

    const reader = response.body?.getReader();
    if (reader === undefined) throw new Error('no body');
    const decoder = new TextDecoder();
    // The first event arrives while the upstream keeps its response open: nothing waits for the end.
    const first = decoder.decode((await reader.read()).value);
    expect(first).toContain('id: c1');
    releaseSecond();
    const second = decoder.decode((await reader.read()).value);
    expect(second).toContain('id: c2');

    controller.abort();
    await expect(streamClosed).resolves.toBeUndefined();
  });

  it('answers 502 when a service does not answer', async () => {
    const response = await fetch(`${base}/api/cases/v1/cases`);
    expect(response.status).toBe(502);
    expect(response.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    expect(await response.json()).toMatchObject({ status: 502, detail: 'http://127.0.0.1:9 did not answer' });
  });
});
