import { randomUUID } from 'node:crypto';
import { DEFAULT_DETERMINATION_POLICY } from '../src/domain/determination.ts';
import { registrationEntry } from '../src/domain/history.ts';
import { registerCase } from '../src/domain/registration.ts';
import { caseRegisteredEvent } from '../src/events/case-events.ts';
import { caseState } from '../src/store/case-document.ts';
import { outboxOfNew } from '../src/store/outbox.ts';
import { benchCaseBody } from './body.ts';

/** The document the service stores for the bench's case, built once, so the bare route inserts the same. */
export function storedCaseTemplate() {
  const actor = { agency: 'police' as const, keyId: 'bench' };
  const now = new Date();
  const decision = registerCase(benchCaseBody('TEMPLATE'), actor, {
    caseId: randomUUID(),
    now,
    policy: DEFAULT_DETERMINATION_POLICY,
  });
  if (!decision.ok) throw new Error(`bench case refused: ${JSON.stringify(decision.refusal)}`);
  const kase = decision.value;
  const event = caseRegisteredEvent(kase, { correlationId: 'bench', causationId: null });
  return { ...caseState(kase), history: [registrationEntry(kase, actor)], ...outboxOfNew([event], now) };
}
