import type { CaseTransitionBody, CaseView, RegisterCaseBody } from '@enforcement/contracts';
import type { ServiceApp } from '@enforcement/service-kit';
import { expect } from 'vitest';
import { as, type Who } from './app.ts';
import { aRegisterCaseBody } from './cases.ts';

/** Registers a case as `who` (its discovering agency by default) and returns it; fails the test otherwise. */
export async function registered(
  app: ServiceApp,
  overrides: Partial<RegisterCaseBody> = {},
  who: Who = 'police',
): Promise<CaseView> {
  const response = await app.inject({
    method: 'POST',
    url: '/v1/cases',
    headers: as(who),
    payload: aRegisterCaseBody(overrides),
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<CaseView>();
}

export function transition(
  app: ServiceApp,
  caseId: string,
  step: unknown,
  who: Who = 'prosecutor',
  headers = {},
) {
  return app.inject({
    method: 'POST',
    url: `/v1/cases/${caseId}/transitions`,
    headers: as(who, headers),
    payload: step as CaseTransitionBody,
  });
}

/** Moves a case through `steps` as its handling authority; each must succeed. */
export async function walked(
  app: ServiceApp,
  caseId: string,
  steps: unknown[],
  who: Who = 'prosecutor',
): Promise<CaseView> {
  let last: CaseView | undefined;
  for (const step of steps) {
    const response = await transition(app, caseId, step, who);
    expect(response.statusCode, response.body).toBe(200);
    last = response.json<CaseView>();
  }
  if (!last) throw new Error('no steps given');
  return last;
}

/** Registers a unit as its own organisation and returns its id. */
export async function registeredUnit(
  app: ServiceApp,
  unit: { kind: 'prosecutor' | 'tazirat'; province: string; name?: string },
): Promise<string> {
  const response = await app.inject({
    method: 'POST',
    url: '/v1/units',
    headers: as(unit.kind),
    payload: { name: 'واحد اجرای احکام', ...unit },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ id: string }>().id;
}
