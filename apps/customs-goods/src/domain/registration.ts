import type { RegisterLotBody } from '@enforcement/contracts';
import type { CaseVerdict, Lot } from './lot.ts';
import type { Office } from './offices.ts';
import { accept, type Decision, invalidStep } from './refusal.ts';
import { reportedTime } from './time.ts';

export interface RegistrationContext {
  lotId: string;
  now: Date;
  /** The verdict of the lot's case when it was issued before the lot arrived (order-safe). */
  caseVerdict: CaseVerdict | null;
}

/** Goods arrived a long time ago are still registered (stuck goods found on a census); not before 1300 SH. */
const EARLIEST_ARRIVAL = new Date('1921-03-21T00:00:00Z');

/** A new lot, `arrived` at an office, or the field that makes the registration unacceptable. */
export function registerLot(
  body: RegisterLotBody,
  office: Office,
  context: RegistrationContext,
): Decision<Lot> {
  if (!office.active) return invalidStep('body.officeId', `office ${office.id} takes no new lots (inactive)`);
  const arrivedAt = reportedTime(
    body.arrivedAt,
    context.now,
    { instant: EARLIEST_ARRIVAL, what: '1921' },
    'body.arrivedAt',
  );
  if (!arrivedAt.ok) return arrivedAt;
  const { now } = context;
  return accept({
    id: context.lotId,
    version: 1,
    status: 'arrived',
    officeId: office.id,
    province: office.province,
    description: body.description,
    hsCode: body.hsCode,
    category: body.category,
    quantity: body.quantity,
    valueRials: body.valueRials,
    caseId: body.caseId,
    arrivedAt: arrivedAt.value,
    registeredAt: now,
    heldSince: null,
    abandonmentDueAt: null,
    abandonmentExtended: false,
    statusChangedAt: arrivedAt.value,
    terminalAt: null,
    caseVerdict:
      body.caseId !== null && context.caseVerdict?.caseId === body.caseId ? context.caseVerdict : null,
    transit: null,
    updatedAt: now,
  });
}
