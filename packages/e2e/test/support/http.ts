import { keys, type Who } from './principals.ts';

/** An answer as the caller got it: status and parsed JSON body (null when there was none). */
export interface Answer<T = unknown> {
  status: number;
  body: T;
}

/**
 * One service as an agency system sees it: an address and requests over real HTTP with the caller's
 * API key. `post` and `get` expect success and fail with the service's problem document otherwise;
 * `request` answers whatever came back.
 */
export class ServiceClient {
  readonly name: string;
  readonly baseUrl: string;

  constructor(name: string, baseUrl: string) {
    this.name = name;
    this.baseUrl = baseUrl;
  }

  async request<T = unknown>(
    who: Who,
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
  ): Promise<Answer<T>> {
    const headers: Record<string, string> = keys.as(who);
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, body: (text === '' ? null : JSON.parse(text)) as T };
  }

  async get<T>(who: Who, path: string): Promise<T> {
    return this.#expectOk(await this.request<T>(who, 'GET', path), 'GET', path);
  }

  async post<T>(who: Who, path: string, body: unknown): Promise<T> {
    return this.#expectOk(await this.request<T>(who, 'POST', path, body), 'POST', path);
  }

  #expectOk<T>(answer: Answer<T>, method: string, path: string): T {
    if (answer.status < 200 || answer.status >= 300) {
      throw new Error(
        `${this.name} ${method} ${path} answered ${answer.status}: ${JSON.stringify(answer.body)}`,
      );
    }
    return answer.body;
  }
}

/** A query string from the defined entries: `?a=1&b=x`, or '' when there are none. */
export function query(params: Record<string, string | number | undefined>): string {
  const defined = Object.entries(params).filter(
    (entry): entry is [string, string | number] => entry[1] !== undefined,
  );
  if (defined.length === 0) return '';
  return `?${new URLSearchParams(defined.map(([key, value]): [string, string] => [key, String(value)])).toString()}`;
}
