import { type PrincipalView, principalViewSchema } from '@enforcement/contracts';
import { CORRELATION_ID_HEADER } from '@enforcement/service-kit/request-ids';
import type { FastifyRequest } from 'fastify';

const TIMEOUT_MS = 3_000;

/**
 * Who the dashboard's key is, asked of oversight (`GET /v1/principal`), so the page knows up front
 * whether it may offer acknowledging and which acknowledgements are its own. Null when oversight
 * cannot say right now: the page then falls back to what its feed and a refused attempt tell it.
 */
export async function principalOf(
  request: FastifyRequest,
  target: { baseUrl: string; apiKey: string },
): Promise<PrincipalView | null> {
  try {
    const response = await fetch(`${target.baseUrl}/v1/principal`, {
      headers: { authorization: `Bearer ${target.apiKey}`, [CORRELATION_ID_HEADER]: request.id },
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    if (!response.ok) {
      request.log.warn({ status: response.status }, 'oversight did not say who the dashboard key is');
      return null;
    }
    return principalViewSchema.parse(await response.json());
  } catch (error) {
    request.log.warn({ err: error }, 'oversight did not say who the dashboard key is');
    return null;
  }
}
