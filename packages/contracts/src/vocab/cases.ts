import { z } from 'zod';

/** What was smuggled; fuel cases have their own, shorter deadlines. */
export const caseCategorySchema = z.enum(['goods', 'currency', 'fuel']);
export type CaseCategory = z.output<typeof caseCategorySchema>;

/** Who judges the case: the prosecutor (imprisonment) or a Ta'zirat branch (everything else). */
export const handlingAuthoritySchema = z.enum(['prosecutor', 'tazirat']);
export type HandlingAuthority = z.output<typeof handlingAuthoritySchema>;

/** The outcome recorded with `verdict_issued`. */
export const verdictOutcomeSchema = z.enum(['convicted', 'acquitted', 'dismissed']);
export type VerdictOutcome = z.output<typeof verdictOutcomeSchema>;

/** Why a case was closed; each matches one path into `closed` in the lifecycle. */
export const caseClosureReasonSchema = z.enum([
  'dismissed',
  'acquitted',
  'nothing_to_collect',
  'fine_paid_in_full',
  'assets_seized',
]);
export type CaseClosureReason = z.output<typeof caseClosureReasonSchema>;

/** The part a person or company plays in a case. */
export const partyRoleSchema = z.enum(['suspect', 'owner', 'carrier']);
export type PartyRole = z.output<typeof partyRoleSchema>;

/** What an asset seizure (قبض اموال) took. */
export const seizedAssetKindSchema = z.enum([
  'cash',
  'bank_account',
  'vehicle',
  'real_estate',
  'goods',
  'other',
]);
export type SeizedAssetKind = z.output<typeof seizedAssetKindSchema>;
