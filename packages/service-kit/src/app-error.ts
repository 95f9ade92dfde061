import type { ProblemFieldError } from '@enforcement/contracts';

/** Options every AppError accepts besides its code, status and title. */
export interface AppErrorOptions {
  detail?: string;
  /** Offending fields, rendered as the problem's `errors` list. */
  errors?: ProblemFieldError[];
  /** Extra members of the problem document (e.g. `currentVersion` on a 412). */
  extra?: Record<string, unknown>;
  /** Response headers the error needs (e.g. `Retry-After`, `WWW-Authenticate`). */
  headers?: Record<string, string>;
  cause?: unknown;
}

/**
 * An expected failure with a stable code. Everything on it is safe to show to the caller; anything
 * that is not an AppError becomes a 500 without details.
 */
export class AppError extends Error {
  override readonly name = 'AppError';
  readonly code: string;
  readonly status: number;
  readonly title: string;
  readonly detail: string | undefined;
  readonly errors: ProblemFieldError[] | undefined;
  readonly extra: Record<string, unknown>;
  readonly headers: Record<string, string>;

  constructor(code: string, status: number, title: string, options: AppErrorOptions = {}) {
    super(options.detail ?? title, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.status = status;
    this.title = title;
    this.detail = options.detail;
    this.errors = options.errors;
    this.extra = options.extra ?? {};
    this.headers = options.headers ?? {};
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/** How one code is defined: its status, a short title, and optionally a detail template. */
export interface ErrorDefinition<P = never> {
  status: number;
  title: string;
  detail?: (params: P) => string;
}

/** Builds the AppError of one code; with a detail template its parameters come first. */
export type ErrorFactory<D> = D extends { detail: (params: infer P) => string }
  ? ((params: P, options?: Omit<AppErrorOptions, 'detail'>) => AppError) & { code: string; status: number }
  : ((options?: AppErrorOptions) => AppError) & { code: string; status: number };

/**
 * Turns a catalogue of codes into factories, so a service's errors.ts reads like fastify's
 * `lib/errors.js`: one entry per stable code, and `throw errors.CASE_NOT_FOUND({ caseId })` at the use site.
 */
export function defineErrors<const T extends Record<string, ErrorDefinition<never>>>(
  catalogue: T,
): { [K in keyof T]: ErrorFactory<T[K]> } {
  const factories: Record<string, unknown> = {};
  for (const [code, definition] of Object.entries(catalogue)) {
    const template = definition.detail as ((params: unknown) => string) | undefined;
    const factory = template
      ? (params: unknown, options: AppErrorOptions = {}) =>
          new AppError(code, definition.status, definition.title, { ...options, detail: template(params) })
      : (options: AppErrorOptions = {}) => new AppError(code, definition.status, definition.title, options);
    factories[code] = Object.assign(factory, { code, status: definition.status });
  }
  return factories as { [K in keyof T]: ErrorFactory<T[K]> };
}
