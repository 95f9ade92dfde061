import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/config.ts';

const KEY = 'dashboard-test-key-0123456789abcdef';

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
  it('answers /health/live and tells the page its audiences, never the key', async () => {
    expect((await fetch(`${base}/health/live`)).status).toBe(200);
    const response = await fetch(`${base}/api/config`);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ audiences: ['inspection', 'inspection:khuzestan'] });
    expect(text).not.toContain(KEY);
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
    expect((await fetch(`${base}/api/oversight/health/ready`)).status).toBe(404);
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
  });
});
