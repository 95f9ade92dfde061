import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { addressRefusal, checkWebhookUrl, type UrlPolicy } from './url-policy.ts';

/** How one POST ended: the receiver's status, or why no status came back. */
export type PostOutcome =
  | { delivered: true; statusCode: number }
  | { delivered: false; statusCode: number | null; error: string };

export interface SenderOptions {
  policy: UrlPolicy;
  /** The whole exchange, connection to the end of the response, must fit in this. */
  timeoutMs: number;
  /** Response bytes read (and thrown away) before the connection is cut. */
  maxResponseBytes?: number;
  userAgent?: string;
}

/** Posts signed bodies to webhook URLs; `close` drops the kept-alive connections. */
export interface WebhookSender {
  post(url: string, body: string, headers: Record<string, string>): Promise<PostOutcome>;
  close(): void;
}

const DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024;
const MAX_ERROR_LENGTH = 300;

class AddressRefusedError extends Error {
  readonly code = 'WEBHOOK_ADDRESS_REFUSED';
}

/**
 * A `lookup` for the socket: resolves as usual, then refuses when any address is internal and the
 * host may not reach internal addresses. The check runs on the very addresses the socket connects
 * to, so a name that resolves differently on a second query (DNS rebinding) gains nothing.
 */
export function guardedLookup(policy: UrlPolicy): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) {
        callback(error, '');
        return;
      }
      const refusal = addresses
        .map((found) => addressRefusal(hostname, found.address, policy))
        .find((reason) => reason !== null);
      const first = addresses[0];
      if (refusal !== undefined || first === undefined) {
        callback(new AddressRefusedError(refusal ?? `${hostname} has no address`), '');
        return;
      }
      if (options.all === true) callback(null, addresses);
      else callback(null, first.address, first.family);
    });
  };
}

function describe(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.length > MAX_ERROR_LENGTH ? `${text.slice(0, MAX_ERROR_LENGTH)}…` : text;
}

function outcomeOf(statusCode: number): PostOutcome {
  if (statusCode >= 200 && statusCode < 300) return { delivered: true, statusCode };
  const error =
    statusCode >= 300 && statusCode < 400 ? 'redirect not followed' : `receiver answered ${statusCode}`;
  return { delivered: false, statusCode, error };
}

/**
 * Sends with node:http(s) rather than fetch, for the socket-level `lookup` guard. Redirects are
 * never followed (a 3xx is a failed delivery), the response body is drained up to a cap and
 * discarded, and the whole exchange is bounded by the timeout.
 */
export function createWebhookSender(options: SenderOptions): WebhookSender {
  const maxResponseBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  const lookup = guardedLookup(options.policy);
  // Own agents: no proxy from the environment, and kept-alive sockets only to addresses checked above.
  const agents = { http: new http.Agent({ keepAlive: true }), https: new https.Agent({ keepAlive: true }) };

  function post(url: string, body: string, headers: Record<string, string>): Promise<PostOutcome> {
    return new Promise((resolve) => {
      let settled = false;
      const finish = (outcome: PostOutcome) => {
        if (settled) return;
        settled = true;
        resolve(outcome);
      };
      // Checked again at each delivery: the operator may have narrowed the lists since registration,
      // and an IP literal never goes through `lookup`, so its address is judged here.
      const verdict = checkWebhookUrl(url, options.policy);
      if (!verdict.ok) {
        finish({ delivered: false, statusCode: null, error: `url ${verdict.reason}` });
        return;
      }
      const target = verdict.url;
      const secure = target.protocol === 'https:';
      const request = (secure ? https : http).request(
        target,
        {
          method: 'POST',
          agent: secure ? agents.https : agents.http,
          lookup,
          headers: {
            ...headers,
            'content-type': 'application/json',
            'content-length': String(Buffer.byteLength(body)),
            'user-agent': options.userAgent ?? 'oversight-notifications-webhooks/1',
          },
        },
        (response) => {
          finish(outcomeOf(response.statusCode ?? 0));
          let received = 0;
          response.on('data', (chunk: Buffer) => {
            received += chunk.length;
            if (received > maxResponseBytes) response.destroy();
          });
          response.on('error', () => {});
          response.on('close', () => clearTimeout(deadline));
        },
      );
      const deadline = setTimeout(() => {
        finish({ delivered: false, statusCode: null, error: `no answer within ${options.timeoutMs} ms` });
        request.destroy();
      }, options.timeoutMs);
      request.on('error', (error) => {
        clearTimeout(deadline);
        finish({ delivered: false, statusCode: null, error: describe(error) });
      });
      request.end(body);
    });
  }

  return {
    post,
    close: () => {
      agents.http.destroy();
      agents.https.destroy();
    },
  };
}
