import type { CaseStatus, CaseTransitionBody, RegisterCaseBody } from '@enforcement/contracts';
import { aCaseRegistration, registerCaseBodyOf } from '@enforcement/testkit';
import type { SmugglingCase } from '../../src/domain/case.ts';
import { DEFAULT_DETERMINATION_POLICY } from '../../src/domain/determination.ts';
import { type ExecutionUnitSummary, transitionCase } from '../../src/domain/lifecycle.ts';
import { registerCase } from '../../src/domain/registration.ts';

/** A registration body as an agency system posts it, built from the testkit's realistic case. */
export function aRegisterCaseBody(overrides: Partial<RegisterCaseBody> = {}): RegisterCaseBody {
  return { ...registerCaseBodyOf(aCaseRegistration(), 'ایست بازرسی شلمچه، کیلومتر ۱۲'), ...overrides };
}

export const khuzestanProsecutionUnit: ExecutionUnitSummary = {
  id: 'unit-khz-prosecutor-1',
  kind: 'prosecutor',
  province: 'khuzestan',
};

/** A valid step into each status, for a case on the conviction path. */
export function aStepTo(status: Exclude<CaseStatus, 'registered'>, reason?: string): CaseTransitionBody {
  switch (status) {
    case 'under_investigation':
      return { to: status, branch: { id: 'branch-ahvaz-7', name: 'شعبه ۷ دادسرای اهواز' } };
    case 'verdict_issued':
      return {
        to: status,
        verdictReference: '9809-1404',
        outcome: 'convicted',
        fineRials: '25000000000000',
        goodsConfiscated: true,
      };
    case 'in_execution':
      return { to: status, executionUnitId: khuzestanProsecutionUnit.id };
    case 'assets_seized':
      return {
        to: status,
        assets: [{ kind: 'vehicle', description: 'کامیون ولوو', valueRials: '8000000000' }],
      };
    case 'closed':
      return { to: status, reason: (reason ?? 'dismissed') as 'dismissed' };
  }
}

const conviction: CaseStatus[] = ['under_investigation', 'verdict_issued', 'in_execution', 'assets_seized'];
export const NOW = new Date('2025-10-05T08:30:00.000Z');

/** A case registered by the police and walked along the conviction path up to `status`. */
export function aCaseIn(status: CaseStatus): SmugglingCase {
  const registered = registerCase(
    aRegisterCaseBody(),
    { agency: 'police', keyId: 'police-key' },
    { caseId: 'case-1', now: NOW, policy: DEFAULT_DETERMINATION_POLICY },
  );
  if (!registered.ok) throw new Error('fixture registration refused');
  let kase = registered.value;
  const path: CaseStatus[] = status === 'closed' ? ['under_investigation', 'closed'] : conviction;
  for (const next of path) {
    if (kase.status === status) break;
    const moved = transitionCase(kase, aStepTo(next as Exclude<CaseStatus, 'registered'>), {
      now: NOW,
      executionUnit: khuzestanProsecutionUnit,
    });
    if (!moved.ok) throw new Error(`fixture could not reach ${next}: ${JSON.stringify(moved.refusal)}`);
    kase = moved.value.next;
  }
  return kase;
}
