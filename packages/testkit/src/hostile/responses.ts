import type { HostileRequest, InjectableApp, SeenResponse } from './types.ts';

/** At most this much of a body is kept: enough to check it, bounded for huge answers. */
const BODY_CAP = 256 * 1024;

/**
 * Sends a request with the body read as a stream: an event stream is cut right after its headers
 * (destroying the response frees the route's resources as a client hanging up would).
 */
export async function send(app: InjectableApp, request: HostileRequest): Promise<SeenResponse> {
  const response = await app.inject({ ...request, payloadAsStream: true });
  const contentType = String(response.headers['content-type'] ?? '');
  if (contentType.startsWith('text/event-stream')) {
    response.raw.res.destroy();
    response.stream().on('error', () => {});
    return {
      statusCode: response.statusCode,
      headers: response.headers,
      contentType,
      body: '',
      streamed: true,
    };
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response.stream()) {
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    if (size < BODY_CAP) chunks.push(bytes);
    size += bytes.length;
  }
  return {
    statusCode: response.statusCode,
    headers: response.headers,
    contentType,
    body: Buffer.concat(chunks).toString('utf8'),
    streamed: false,
  };
}

/** Signs of internals in a body: stack frames, source paths, driver and runtime error names. */
const LEAKS: readonly [string, RegExp][] = [
  ['a stack frame', /\bat (?:async )?[\w$.<>[\] ]*\(?(?:file:\/\/|node:|\/)[^)\s]*:\d+:\d+/],
  ['a source path', /(?:\/[\w.-]+)+\.(?:ts|js|mjs|cjs):\d+/],
  ['node_modules', /node_modules/],
  ['a MongoDB error', /Mongo(?:Server|Network|Bulk|Invalid)?Error|E11000|BSONError/],
  ['a runtime error name', /\b(?:TypeError|ReferenceError|RangeError|SyntaxError|ZodError|AssertionError)\b/],
  ['a "stack" member', /"stack"\s*:/],
  ['an amqplib error', /\bamqplib\b|Channel closed/],
];

/** What in a body gives internals away, or undefined when nothing does. */
export function leakIn(body: string): string | undefined {
  for (const [what, pattern] of LEAKS) {
    const found = pattern.exec(body);
    if (found) return `${what} (${JSON.stringify(found[0].slice(0, 120))})`;
  }
  return undefined;
}

/**
 * Why a response is not an acceptable refusal, or undefined when it is: a 4xx, as problem+json whose
 * `status` is the response's and whose `code` is a stable name, without internals.
 */
export function refusalProblem(response: SeenResponse): string | undefined {
  const { statusCode } = response;
  if (statusCode < 400 || statusCode >= 500) return `status ${statusCode} is not a 4xx`;
  if (!response.contentType.startsWith('application/problem+json')) {
    return `status ${statusCode} answered as ${JSON.stringify(response.contentType)}, not problem+json`;
  }
  let problem: { status?: unknown; code?: unknown; title?: unknown };
  try {
    problem = JSON.parse(response.body);
  } catch {
    return 'the problem body is not JSON';
  }
  if (problem.status !== statusCode)
    return `problem.status ${String(problem.status)} differs from ${statusCode}`;
  if (typeof problem.code !== 'string' || !/^[A-Z][A-Z0-9_]*$/.test(problem.code)) {
    return `problem.code ${JSON.stringify(problem.code)} is not a stable code`;
  }
  if (typeof problem.title !== 'string') return 'problem.title is missing';
  const leak = leakIn(response.body);
  return leak === undefined ? undefined : `the problem body shows ${leak}`;
}

/** The problem document's code, when the body is one. */
export function problemCode(response: SeenResponse): string | undefined {
  try {
    const code = (JSON.parse(response.body) as { code?: unknown }).code;
    return typeof code === 'string' ? code : undefined;
  } catch {
    return undefined;
  }
}

/** Security headers every answer carries (helmet's defaults that matter for an API). */
export const SECURITY_HEADERS: Readonly<Record<string, RegExp>> = {
  'x-content-type-options': /^nosniff$/,
  'x-frame-options': /^(DENY|SAMEORIGIN)$/i,
  'strict-transport-security': /max-age=\d+/,
  'content-security-policy': /default-src/,
  'referrer-policy': /./,
  'cross-origin-opener-policy': /./,
  'cross-origin-resource-policy': /./,
  'x-dns-prefetch-control': /^off$/,
  'x-download-options': /^noopen$/,
  'x-permitted-cross-domain-policies': /^none$/,
};

/** The security headers a response lacks or carries wrong, plus `x-powered-by` if it is present. */
export function missingSecurityHeaders(response: Pick<SeenResponse, 'headers'>): string[] {
  const wrong = Object.entries(SECURITY_HEADERS)
    .filter(([name, pattern]) => !pattern.test(String(response.headers[name] ?? '')))
    .map(([name]) => name);
  if (response.headers['x-powered-by'] !== undefined) wrong.push('x-powered-by (present)');
  return wrong;
}
