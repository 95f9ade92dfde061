import { z } from 'zod';

const days = (fallback: number) => z.int().min(1).max(3650).default(fallback);

/**
 * The thresholds of DOMAIN.md's oversight rules. They are configuration, not law: each deployment
 * sets its own (file at start, `PUT /v1/rules` later); these defaults are the brief's.
 */
export const rulesConfigSchema = z.strictObject({
  caseDeterminationDays: days(90),
  fuelCaseDeterminationDays: days(30),
  executionStalledDays: days(30),
  goodsAbandonedDays: days(90),
  /** The one extension of the abandonment date; no event announces it, so it widens the escalation point. */
  goodsAbandonedExtensionDays: z.int().min(0).max(3650).default(60),
  goodsDwellDays: days(180),
  perishableDwellDays: days(7),
  /** Dwell past this long (from first held) brings the inspection organization in, acknowledged or not. */
  dwellInspectionDays: days(365),
  notHandedOverDays: days(60),
  notDisposedDays: days(90),
  transitOverdueHours: z
    .int()
    .min(1)
    .max(24 * 365)
    .default(72),
  /** Suspected dereliction (ترک فعل) when an obligation stays unmet this many times its period. */
  derelictionFactor: z.number().min(1.1).max(10).default(2),
  /** Suspected dereliction when this many resolutions of one agency (per province) are overdue at once. */
  overdueResolutionsForDereliction: z.int().min(2).max(100).default(2),
  /** An open notification nobody in its audiences acknowledged escalates after this long. */
  escalateUnacknowledgedHours: z
    .int()
    .min(1)
    .max(24 * 365)
    .default(72),
});

export type RulesConfig = z.output<typeof rulesConfigSchema>;

export const defaultRulesConfig: RulesConfig = rulesConfigSchema.parse({});
