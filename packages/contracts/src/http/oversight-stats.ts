import { z } from 'zod';
import { utcDateTimeSchema } from '../values/time.ts';
import { agencyCodeSchema } from '../vocab/agencies.ts';
import { oversightRuleIdSchema, severitySchema } from '../vocab/oversight.ts';
import { provinceCodeSchema } from '../vocab/provinces.ts';

/*
 * The oversight scorecards (issue 7, item 7): how each agency meets its obligations, so that
 * dereliction of duty (ترک فعل) shows, and the open-notification overview dashboards poll.
 */

/** What an agency scorecard can be ordered by. */
export const agencyScorecardSortSchema = z.enum([
  'openOverdue',
  'metLate',
  'medianDaysLate',
  'medianDaysOverdueOpen',
  'derelictionsOpen',
  'onTimeRate',
]);
export type AgencyScorecardSort = z.output<typeof agencyScorecardSortSchema>;

export const agencyScorecardQuerySchema = z
  .object({
    province: provinceCodeSchema.optional(),
    agency: agencyCodeSchema.optional().meta({ description: 'The responsible agency' }),
    rule: oversightRuleIdSchema
      .optional()
      .meta({ description: 'Only obligations and notifications of this rule' }),
    from: utcDateTimeSchema
      .optional()
      .meta({ description: 'Obligations that fell due at or after this instant (inclusive)' }),
    to: utcDateTimeSchema
      .optional()
      .meta({ description: 'Obligations that fell due before this instant (exclusive)' }),
    sort: agencyScorecardSortSchema.default('openOverdue'),
    order: z.enum(['asc', 'desc']).default('desc'),
  })
  .refine((query) => query.from === undefined || query.to === undefined || query.from < query.to, {
    path: ['to'],
    message: 'must be after from',
  });
export type AgencyScorecardQuery = z.output<typeof agencyScorecardQuerySchema>;

/** Open notifications counted by severity. */
export const severityCountsSchema = z.object({
  info: z.int().min(0),
  warning: z.int().min(0),
  high: z.int().min(0),
  critical: z.int().min(0),
});
export type SeverityCounts = z.output<typeof severityCountsSchema>;

const count = (description: string) => z.int().min(0).meta({ description });
const days = (description: string) => z.number().min(0).nullable().meta({ description });

/** How one agency in one province meets its obligations, and what stands open against it now. */
export const agencyScorecardRowSchema = z.object({
  agency: agencyCodeSchema,
  province: z.string().nullable().meta({ description: 'Province code; null for obligations of no province' }),
  metOnTime: count('Met at or before the due time (meeting by the subject closing counts)'),
  metLate: count('Met after the due time'),
  openOverdue: count('Still open past the due time'),
  openNotYetDue: count('Open and not yet due: neither on time nor late'),
  onTimeRate: z
    .number()
    .min(0)
    .max(1)
    .nullable()
    .meta({ description: 'metOnTime / (metOnTime + metLate + openOverdue); null when nothing fell due' }),
  medianDaysLateMet: days('Median of (metAt - dueAt) in days over the obligations met late'),
  medianDaysOverdueOpen: days('Median of (now - dueAt) in days over the open overdue obligations'),
  openNotificationsBySeverity: severityCountsSchema.meta({
    description:
      'Open notifications of the rules, now (suspected-dereliction notices are in derelictionsOpen)',
  }),
  derelictionsOpen: count('Open suspected-dereliction (ترک فعل) notices naming this agency, now'),
});
export type AgencyScorecardRow = z.output<typeof agencyScorecardRowSchema>;

export const agencyScorecardsSchema = z
  .object({ generatedAt: z.string(), rows: z.array(agencyScorecardRowSchema) })
  .meta({ id: 'AgencyScorecards' });
export type AgencyScorecards = z.output<typeof agencyScorecardsSchema>;

export const MAX_OVERVIEW_DAYS = 366;

export const oversightOverviewQuerySchema = z.object({
  days: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_OVERVIEW_DAYS)
    .default(30)
    .meta({ description: 'Length of the trend in UTC days, ending today' }),
  province: provinceCodeSchema.optional(),
});
export type OversightOverviewQuery = z.output<typeof oversightOverviewQuerySchema>;

/** One UTC day of the notification trend. */
export const overviewTrendDaySchema = z.object({
  day: z.string().meta({ description: 'UTC calendar day, YYYY-MM-DD' }),
  dayFa: z.string().meta({ description: 'The same day in the Solar Hijri calendar, in Persian' }),
  raised: z.int().min(0),
  resolved: z.int().min(0),
  openAtEndOfDay: z.int().min(0).meta({ description: 'Open at the end of the day (today: now)' }),
});

export const oversightOverviewSchema = z
  .object({
    generatedAt: z.string(),
    openByRuleAndSeverity: z.array(
      z.object({ ruleId: z.string(), severity: severitySchema, count: z.int().min(1) }),
    ),
    openBySeverity: severityCountsSchema,
    trend: z.array(overviewTrendDaySchema),
  })
  .meta({ id: 'OversightOverview' });
export type OversightOverview = z.output<typeof oversightOverviewSchema>;
