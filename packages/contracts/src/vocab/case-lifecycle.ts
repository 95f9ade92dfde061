import { z } from 'zod';

export const caseStatuses = [
  'registered',
  'under_investigation',
  'verdict_issued',
  'in_execution',
  'assets_seized',
  'closed',
] as const;

export const caseStatusSchema = z.enum(caseStatuses);
export type CaseStatus = z.output<typeof caseStatusSchema>;

/** The lifecycle of DOMAIN.md, exactly; a move not listed here is refused, never applied. */
const caseTransitions: Readonly<Record<CaseStatus, readonly CaseStatus[]>> = {
  registered: ['under_investigation', 'closed'],
  under_investigation: ['verdict_issued', 'closed'],
  verdict_issued: ['in_execution', 'closed'],
  in_execution: ['assets_seized', 'closed'],
  assets_seized: ['closed'],
  closed: [],
};

export function allowedCaseTransitions(from: CaseStatus): readonly CaseStatus[] {
  return caseTransitions[from];
}

export function canTransitionCase(from: CaseStatus, to: CaseStatus): boolean {
  return caseTransitions[from].includes(to);
}
