/**
 * The few RabbitMQ management API calls the test kit needs: virtual hosts, so that each test file
 * gets a broker namespace of its own that is removed whole afterwards.
 */
export class RabbitAdmin {
  readonly #base: URL;
  readonly #authorization: string;

  constructor(managementUrl: string) {
    const url = new URL(managementUrl);
    this.#authorization = `Basic ${Buffer.from(`${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`).toString('base64')}`;
    url.username = '';
    url.password = '';
    this.#base = url;
  }

  /** True when the API answers with these credentials. */
  async reachable(): Promise<boolean> {
    try {
      const response = await this.#call('GET', '/api/overview');
      return response.ok;
    } catch {
      return false;
    }
  }

  async createVhost(name: string, user: string): Promise<void> {
    await this.#expect(this.#call('PUT', `/api/vhosts/${encodeURIComponent(name)}`), 'create vhost', name);
    await this.#expect(
      this.#call('PUT', `/api/permissions/${encodeURIComponent(name)}/${encodeURIComponent(user)}`, {
        configure: '.*',
        write: '.*',
        read: '.*',
      }),
      'grant permissions on vhost',
      name,
    );
  }

  async deleteVhost(name: string): Promise<void> {
    const response = await this.#call('DELETE', `/api/vhosts/${encodeURIComponent(name)}`);
    if (!response.ok && response.status !== 404) {
      throw new Error(`rabbitmq management: delete vhost ${name} answered ${response.status}`);
    }
  }

  async #expect(call: Promise<Response>, what: string, name: string): Promise<void> {
    const response = await call;
    if (!response.ok) {
      throw new Error(
        `rabbitmq management: ${what} ${name} answered ${response.status} ${await response.text()}`,
      );
    }
  }

  #call(method: string, path: string, body?: unknown): Promise<Response> {
    return fetch(new URL(path, this.#base), {
      method,
      headers: { authorization: this.#authorization, 'content-type': 'application/json' },
      body: body === undefined ? null : JSON.stringify(body),
      signal: AbortSignal.timeout(5_000),
    });
  }
}

/** The management URL that usually sits beside an AMQP URL: same host and credentials, port 15672. */
export function managementUrlFor(amqpUrl: string): string {
  const amqp = new URL(amqpUrl);
  const user = amqp.username || 'guest';
  const password = amqp.password || 'guest';
  return `http://${user}:${password}@${amqp.hostname}:15672`;
}
