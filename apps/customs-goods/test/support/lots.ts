import type { LotTransitionBody, LotView, RegisterLotBody } from '@enforcement/contracts';
import type { ServiceApp } from '@enforcement/service-kit';
import { aLotRegistration } from '@enforcement/testkit';
import { expect } from 'vitest';
import { as, type Who } from './app.ts';

/** A registration body as a customs system posts it, built from the testkit's realistic lot. */
export function aRegisterLotBody(overrides: Partial<RegisterLotBody> = {}): RegisterLotBody {
  const { lotId: _id, province: _province, ...lot } = aLotRegistration();
  return { ...lot, officeId: 'khz_shalamcheh', arrivedAt: '2025-09-20T06:00:00.000Z', ...overrides };
}

/** Registers a lot as `who` and returns it; fails the test otherwise. */
export async function registered(
  app: ServiceApp,
  overrides: Partial<RegisterLotBody> = {},
  who: Who = 'customsKhuzestan',
): Promise<LotView> {
  const response = await app.inject({
    method: 'POST',
    url: '/v1/lots',
    headers: as(who),
    payload: aRegisterLotBody(overrides),
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<LotView>();
}

export function transition(
  app: ServiceApp,
  lotId: string,
  step: unknown,
  who: Who = 'customsKhuzestan',
  headers = {},
) {
  return app.inject({
    method: 'POST',
    url: `/v1/lots/${lotId}/transitions`,
    headers: as(who, headers),
    payload: step as LotTransitionBody,
  });
}

/** Moves a lot through `steps`; each must succeed. */
export async function walked(
  app: ServiceApp,
  lotId: string,
  steps: unknown[],
  who: Who = 'customsKhuzestan',
): Promise<LotView> {
  let last: LotView | undefined;
  for (const step of steps) {
    const response = await transition(app, lotId, step, who);
    expect(response.statusCode, response.body).toBe(200);
    last = response.json<LotView>();
  }
  if (!last) throw new Error('no steps given');
  return last;
}

export { eventually } from '@enforcement/testkit';
