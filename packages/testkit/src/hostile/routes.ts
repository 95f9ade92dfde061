import type { RouteRef } from './types.ts';

/** Methods Fastify adds by itself (HEAD beside every GET) or that carry no behaviour of the app's. */
const IMPLIED_METHODS = new Set(['HEAD', 'OPTIONS']);

export function routeKey(route: RouteRef): string {
  return `${route.method} ${route.url}`;
}

/**
 * Every route an app registered, read from `app.printRoutes({ commonPrefix: false })`: each line is a
 * tree node whose text continues its parent's path, with its methods in parentheses. Reading the app
 * itself (not a list kept by hand) is what makes a new route fail the coverage checks until covered.
 */
export function registeredRoutes(printed: string): RouteRef[] {
  const routes: RouteRef[] = [];
  const stack: string[] = [];
  for (const line of printed.split('\n')) {
    const match = /^([│ ]*)[├└]── (.*?)(?: \(([^)]*)\))?$/.exec(line.replace(/\s+$/, ''));
    if (!match) continue;
    const depth = (match[1] ?? '').length / 4;
    stack.length = depth;
    const path = (stack[depth - 1] ?? '') + (match[2] ?? '');
    stack[depth] = path;
    for (const method of (match[3] ?? '').split(',').map((m) => m.trim())) {
      if (method && !IMPLIED_METHODS.has(method)) routes.push({ method, url: path });
    }
  }
  const seen = new Set<string>();
  return routes.filter((route) => {
    const key = routeKey(route);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The operations of an OpenAPI document, with `{id}` written the Fastify way (`:id`). */
export function openApiRoutes(document: unknown): RouteRef[] {
  const paths = (document as { paths?: Record<string, Record<string, unknown>> }).paths ?? {};
  const methods = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head', 'trace'];
  return Object.entries(paths).flatMap(([path, item]) =>
    Object.keys(item)
      .filter((key) => methods.includes(key))
      .map((method) => ({ method: method.toUpperCase(), url: path.replace(/\{([^}]+)\}/g, ':$1') })),
  );
}

/** The names of a route's path parameters, in order. */
export function paramNames(url: string): string[] {
  return [...url.matchAll(/:([A-Za-z0-9_]+)/g)].map((match) => match[1] ?? '');
}

/** The route's path with each parameter replaced by an already encoded segment. */
export function fillParams(url: string, segments: Record<string, string> | readonly string[]): string {
  let index = 0;
  return url.replace(/:([A-Za-z0-9_]+)|\*$/g, (_whole, name: string | undefined) => {
    const value = Array.isArray(segments)
      ? segments[index]
      : name === undefined
        ? undefined
        : (segments as Record<string, string>)[name];
    index += 1;
    return value ?? 'x';
  });
}

/** Infrastructure routes every service shares (health, metrics, docs): public by design. */
export function isOperationalRoute(route: RouteRef): boolean {
  return /^\/(health|metrics|docs)(\/|$)/.test(route.url);
}
