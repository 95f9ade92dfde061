import type { FastifyReply } from 'fastify';

/** The dashboard server's own refusals, as RFC 9457 problem details like the services' answers. */
export function sendProblem(reply: FastifyReply, status: number, title: string, detail: string) {
  return reply
    .code(status)
    .type('application/problem+json')
    .send({ type: 'about:blank', title, status, detail });
}
