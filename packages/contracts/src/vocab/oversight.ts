import { z } from 'zod';

/** How urgent a notification is; fuel cases are raised `high`, dereliction escalations `critical`. */
export const severities = ['info', 'warning', 'high', 'critical'] as const;
export const severitySchema = z.enum(severities);
export type Severity = z.output<typeof severitySchema>;

/**
 * The rules of DOMAIN.md. Deployments may add rules, so events carry a rule id string; these are the
 * ones every deployment has.
 */
export const knownOversightRuleIds = [
  'case_determination_sla',
  'execution_stalled_no_seizure',
  'unit_without_officers',
  'fuel_case_registered',
  'goods_abandoned',
  'goods_dwell',
  'goods_not_handed_over',
  'handed_over_not_disposed',
  'transit_overdue',
  'transit_quantity_mismatch',
  'resolution_overdue',
  'suspected_dereliction',
] as const;

export const oversightRuleIdSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]{1,63}$/, 'a rule id is snake_case, e.g. case_determination_sla');

/** What a notification is about: the thing whose obligation is overdue. */
export const watchedSubjectKindSchema = z.enum([
  'case',
  'lot',
  'transit',
  'execution_unit',
  'resolution',
  'agency',
]);
export type WatchedSubjectKind = z.output<typeof watchedSubjectKindSchema>;

/** How a notification stopped being open. */
export const notificationResolutionSchema = z.enum(['obligation_met', 'subject_closed', 'withdrawn']);
export type NotificationResolution = z.output<typeof notificationResolutionSchema>;
