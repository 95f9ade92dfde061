import { request } from 'node:http';

/** One Server-Sent Event as received. */
export interface SseEvent {
  id: string | undefined;
  event: string | undefined;
  data: string;
}

/** A minimal SSE reader over node:http (no pooled sockets left behind): collects events until closed. */
export function readSse(url: string, key: string) {
  const events: SseEvent[] = [];
  let buffer = '';
  const req = request(url, {
    headers: { authorization: `Bearer ${key}`, accept: 'text/event-stream' },
    agent: false,
  });
  const opened = new Promise<number>((resolve, reject) => {
    req.on('response', (res) => {
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const fields = new Map<string, string>();
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) continue;
            const colon = line.indexOf(':');
            if (colon > 0) fields.set(line.slice(0, colon), line.slice(colon + 1).trimStart());
          }
          if (fields.has('data')) {
            events.push({ id: fields.get('id'), event: fields.get('event'), data: fields.get('data') ?? '' });
          }
        }
      });
      res.on('error', () => undefined);
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
  });
  req.end();
  return { events, opened, close: () => req.destroy() };
}
