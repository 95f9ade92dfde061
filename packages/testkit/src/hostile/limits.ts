import { send } from './responses.ts';
import {
  fillParams,
  isOperationalRoute,
  openApiRoutes,
  paramNames,
  registeredRoutes,
  routeKey,
} from './routes.ts';
import type { HostileRequest, InjectableApp, RouteRef, SeenResponse } from './types.ts';

interface DocumentedQuery {
  name: string;
  in: string;
  schema?: { maximum?: number; exclusiveMaximum?: number };
}

/** Each documented route taking `?limit=`, with the largest page it documents. */
export function pagedRoutes(document: unknown): { route: RouteRef; max: number }[] {
  const paths =
    (document as { paths?: Record<string, Record<string, { parameters?: DocumentedQuery[] }>> }).paths ?? {};
  return openApiRoutes(document).flatMap((route) => {
    const path = route.url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
    const limit = paths[path]?.[route.method.toLowerCase()]?.parameters?.find(
      (parameter) => parameter.in === 'query' && parameter.name === 'limit',
    );
    const max = limit?.schema?.maximum ?? limit?.schema?.exclusiveMaximum;
    return limit === undefined ? [] : [{ route, max: max ?? Number.POSITIVE_INFINITY }];
  });
}

/** A GET of a paged route with the given limit and path parameters. */
export function pageRequest(
  route: RouteRef,
  limit: string,
  headers: Record<string, string>,
  params: Readonly<Record<string, string>> = {},
): HostileRequest {
  const names = paramNames(route.url);
  return {
    method: 'GET',
    url: `${fillParams(
      route.url,
      names.map((name) => params[name] ?? 'x'),
    )}?limit=${limit}`,
    headers,
  };
}

/**
 * The registered routes the OpenAPI document lacks and the documented operations the app does not
 * serve; operational routes (health, metrics, docs) are undocumented by design.
 */
export function openApiDrift(app: InjectableApp): { undocumented: string[]; unserved: string[] } {
  const served = registeredRoutes(app.printRoutes({ commonPrefix: false }))
    .filter((route) => !isOperationalRoute(route))
    .map(routeKey);
  const documented = openApiRoutes(app.swagger()).map(routeKey);
  return {
    undocumented: served.filter((key) => !documented.includes(key)),
    unserved: documented.filter((key) => !served.includes(key)),
  };
}

/** Sends the same request `times` times in a row and answers the responses. */
export async function repeatedly(
  app: InjectableApp,
  request: HostileRequest,
  times: number,
): Promise<SeenResponse[]> {
  const responses: SeenResponse[] = [];
  for (let i = 0; i < times; i += 1) responses.push(await send(app, request));
  return responses;
}
