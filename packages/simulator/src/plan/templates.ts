import type { BodyTemplate, HandleRef, PlannedRequest, TemplateValue, TimeRef } from './types.ts';

/** The id of the entity created under `handle`, in a body. */
export function ref(handle: string): HandleRef {
  return { $ref: handle };
}

/** An instant `offsetMs` from the send (negative: in the past). */
export function time(offsetMs: number): TimeRef {
  return { $time: Math.round(offsetMs) };
}

/** `{handle}` in a path. */
export function pathRef(handle: string): string {
  return `{${handle}}`;
}

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

const PATH_HANDLE = /\{([^{}]+)\}/g;

function isHandleRef(value: TemplateValue): value is HandleRef {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && '$ref' in value;
}

function isTimeRef(value: TemplateValue): value is TimeRef {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && '$time' in value;
}

/** Every handle a request refers to, in its path or body. */
export function handlesOf(request: Pick<PlannedRequest, 'path' | 'body'>): string[] {
  const found = new Set<string>();
  for (const match of request.path.matchAll(PATH_HANDLE)) found.add(match[1] as string);
  const walk = (value: TemplateValue): void => {
    if (isHandleRef(value)) found.add(value.$ref);
    else if (Array.isArray(value)) for (const item of value) walk(item);
    else if (typeof value === 'object' && value !== null && !isTimeRef(value))
      for (const item of Object.values(value)) walk(item);
  };
  if (request.body !== undefined) walk(request.body);
  return [...found];
}

/** What filling in a request needs: the send time and the ids created so far. */
export interface ResolveContext {
  now: number;
  idOf(handle: string): string | undefined;
}

/** A handle the request needs has no id: the plan refers to something never created. */
export class UnresolvedHandleError extends Error {
  readonly handle: string;

  constructor(handle: string) {
    super(`no id for handle ${handle}`);
    this.handle = handle;
  }
}

function resolveValue(value: TemplateValue, context: ResolveContext): unknown {
  if (isHandleRef(value)) {
    const id = context.idOf(value.$ref);
    if (id === undefined) throw new UnresolvedHandleError(value.$ref);
    return id;
  }
  if (isTimeRef(value)) return new Date(context.now + value.$time).toISOString();
  if (Array.isArray(value)) return value.map((item: TemplateValue) => resolveValue(item, context));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([field, item]) => [field, resolveValue(item, context)]),
    );
  }
  return value;
}

/** The request as sent: path with ids, body with ids and instants. */
export function resolveRequest(
  request: Pick<PlannedRequest, 'path' | 'body'>,
  context: ResolveContext,
): { path: string; body: unknown } {
  const path = request.path.replace(PATH_HANDLE, (_whole, handle: string) => {
    const id = context.idOf(handle);
    if (id === undefined) throw new UnresolvedHandleError(handle);
    return encodeURIComponent(id);
  });
  const body = request.body === undefined ? undefined : resolveValue(request.body as BodyTemplate, context);
  return { path, body };
}
