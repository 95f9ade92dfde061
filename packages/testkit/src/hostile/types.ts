import type { Readable } from 'node:stream';

/** A route as an app registered it: method and Fastify path (`/v1/lots/:id`). */
export interface RouteRef {
  method: string;
  url: string;
}

/** What the helpers send: the shape `app.inject` takes, narrowed to what they use. */
export interface HostileRequest {
  method: string;
  url: string;
  headers?: Record<string, string>;
  /** A string or bytes go out as they are: malformed JSON and invalid UTF-8 must reach the parser. */
  payload?: string | Buffer;
}

/** A response read as a stream (`payloadAsStream`), so an endless event stream cannot hang a test. */
export interface StreamedResponse {
  statusCode: number;
  headers: Record<string, string | string[] | number | undefined>;
  stream(): Readable;
  raw: { res: { destroy(error?: Error): void } };
}

/**
 * The part of a Fastify instance the helpers need; a service's app satisfies it structurally, so the
 * testkit does not depend on Fastify or the service kit.
 */
export interface InjectableApp {
  inject(options: HostileRequest & { payloadAsStream: true }): Promise<StreamedResponse>;
  printRoutes(options: { commonPrefix: false }): string;
  swagger(): unknown;
}

/** A response the helpers read: status, headers and at most the first bytes of its body. */
export interface SeenResponse {
  statusCode: number;
  headers: StreamedResponse['headers'];
  contentType: string;
  body: string;
  /** The body was an event stream, cut by the helper after its headers. */
  streamed: boolean;
}
