import { createServer, Socket } from 'node:net';

/** True when something accepts TCP connections at host:port. */
export function tcpAnswers(host: string, port: number, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (answer: boolean) => {
      socket.destroy();
      resolve(answer);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('error', () => done(false));
    socket.connect(port, host, () => done(true));
  });
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/**
 * A free loopback port below Linux's ephemeral range (32768+): a port a listener gives up while it
 * restarts (a broker's stop_app/start_app, a killed service coming back on the same address) is then
 * never taken meanwhile as the source port of some client connection on this machine.
 */
export async function freeLowPort(avoid: readonly number[] = []): Promise<number> {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    if (avoid.includes(port)) continue;
    if (await canListen(port)) return port;
  }
  throw new Error('no free port between 20000 and 32000');
}
