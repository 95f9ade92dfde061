import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createWebhookSender } from '../src/webhooks/http-sender.ts';
import { envHostPatterns } from '../src/webhooks/url-policy.ts';

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    server.close();
    await once(server, 'close');
  }
});

async function serve(handler: Parameters<typeof createServer>[1]): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/in`;
}

const policy = {
  allowedHosts: envHostPatterns().parse('127.0.0.1, 10.0.0.1'),
  privateAllowedHosts: envHostPatterns().parse('127.0.0.1'),
};

function sender(timeoutMs = 300) {
  return createWebhookSender({ policy, timeoutMs, maxResponseBytes: 1024 });
}

describe('the webhook sender', () => {
  it('gives up on a receiver that does not answer in time', async () => {
    const url = await serve(() => {});
    const outcome = await sender().post(url, '{}', {});
    expect(outcome).toEqual({ delivered: false, statusCode: null, error: 'no answer within 300 ms' });
  });

  it('takes the status of a receiver answering with a long body, and stops reading it', async () => {
    const url = await serve((_request, response) => {
      response.writeHead(200);
      response.write('x'.repeat(64 * 1024));
      // Never ends: the sender cuts the connection once past its cap.
    });
    const outcome = await sender().post(url, '{}', {});
    expect(outcome).toEqual({ delivered: true, statusCode: 200 });
  });

  it('reports a refused connection as a failure with its reason', async () => {
    const url = await serve(() => {});
    servers[0]?.close();
    await once(servers[0] as Server, 'close');
    servers.splice(0);
    const outcome = await sender().post(url, '{}', {});
    expect(outcome).toMatchObject({ delivered: false, statusCode: null });
    expect(outcome.delivered === false && outcome.error).toContain('ECONNREFUSED');
  });

  it('refuses an internal IP literal the operator did not allow, without connecting', async () => {
    const outcome = await sender().post('http://10.0.0.1/in', '{}', {});
    expect(outcome).toEqual({
      delivered: false,
      statusCode: null,
      error: 'url host 10.0.0.1 is a private address',
    });
  });

  it('refuses a host the operator no longer allows', async () => {
    const outcome = await sender().post('http://localhost:9/in', '{}', {});
    expect(outcome).toEqual({
      delivered: false,
      statusCode: null,
      error: 'url host localhost is not among the hosts the operator allows',
    });
  });

  it('sends the body as JSON with the given headers', async () => {
    let seen: { method?: string; type?: string; id?: string; body?: string } = {};
    const url = await serve((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        seen = {
          method: request.method,
          type: request.headers['content-type'],
          id: request.headers['webhook-id'] as string,
          body: Buffer.concat(chunks).toString('utf8'),
        };
        response.writeHead(202).end();
      });
    });
    const outcome = await sender().post(url, '{"a":"آ"}', { 'webhook-id': 'w:1' });
    expect(outcome).toEqual({ delivered: true, statusCode: 202 });
    expect(seen).toEqual({ method: 'POST', type: 'application/json', id: 'w:1', body: '{"a":"آ"}' });
  });
});
