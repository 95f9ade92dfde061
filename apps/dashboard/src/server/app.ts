import { existsSync } from 'node:fs';
import { requestIdFrom } from '@enforcement/service-kit/request-ids';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import type { DashboardConfig } from './config.ts';
import { principalOf } from './principal.ts';
import { sendProblem } from './problem.ts';
import { forward } from './proxy.ts';
import { addSecurityHeaders } from './security-headers.ts';

/** What the browser may ask of each service through the proxy: reads, and acknowledging. */
const ACKNOWLEDGE_PATH = /^\/v1\/notifications\/[^/]+\/acknowledgements$/;

export interface DashboardAppOptions {
  logger?: boolean;
}

/** The dashboard's one origin: the built page, `/api/config`, and the key-adding proxy to the services. */
export async function buildApp(
  config: DashboardConfig,
  options: DashboardAppOptions = {},
): Promise<FastifyInstance> {
  const app = Fastify({
    logger:
      options.logger === false
        ? false
        : { level: config.LOG_LEVEL, redact: ['req.headers.authorization', 'req.headers.cookie'] },
    bodyLimit: 64 * 1024,
    // Open event streams would hold close() forever.
    forceCloseConnections: true,
    requestIdHeader: false,
    // A gateway's valid X-Request-Id is kept, else a fresh UUID (the services' rule).
    genReqId: (request) => requestIdFrom(request.headers),
  });
  await addSecurityHeaders(app);
  // Bodies go to the services as sent; the services check them.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

  app.get('/health/live', async () => ({ status: 'ok' }));
  app.get('/api/config', async (request) => ({
    audiences: config.DASHBOARD_AUDIENCES,
    principal: await principalOf(request, {
      baseUrl: config.OVERSIGHT_URL,
      apiKey: config.DASHBOARD_API_KEY,
    }),
  }));

  const services = {
    oversight: config.OVERSIGHT_URL,
    customs: config.CUSTOMS_GOODS_URL,
    cases: config.CASE_INTAKE_URL,
  } as const;
  for (const [prefix, baseUrl] of Object.entries(services)) {
    app.route<{ Params: { '*': string } }>({
      method: ['GET', 'HEAD', 'POST'],
      url: `/api/${prefix}/*`,
      handler: async (request, reply) => {
        const path = `/${request.params['*']}`;
        if (!path.startsWith('/v1/') || path.includes('..')) {
          return sendProblem(reply, 404, 'Not Found', `Only /api/${prefix}/v1/... is forwarded`);
        }
        if (request.method === 'POST' && !(prefix === 'oversight' && ACKNOWLEDGE_PATH.test(path))) {
          return sendProblem(
            reply,
            405,
            'Method Not Allowed',
            'The dashboard only reads, and acknowledges notifications',
          );
        }
        await forward(request, reply, { baseUrl, apiKey: config.DASHBOARD_API_KEY }, path);
        return reply;
      },
    });
  }

  if (existsSync(config.DASHBOARD_STATIC_DIR)) {
    await app.register(fastifyStatic, { root: config.DASHBOARD_STATIC_DIR, wildcard: false });
  } else {
    app.log.warn({ dir: config.DASHBOARD_STATIC_DIR }, 'no built page there: run npm run build');
  }
  return app;
}
