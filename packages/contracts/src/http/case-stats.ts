import { z } from 'zod';
import { rialsTextSchema } from '../values/rial.ts';
import { caseStatusSchema } from '../vocab/case-lifecycle.ts';
import { caseCategorySchema } from '../vocab/cases.ts';
import { provinceCodeSchema } from '../vocab/provinces.ts';

/** `GET /v1/stats/cases`: the caseload by lifecycle stage, for dashboards. */
export const caseStatsQuerySchema = z.object({
  province: provinceCodeSchema
    .optional()
    .meta({ description: 'Only this province (a key limited to a province may only name its own)' }),
});
export type CaseStatsQuery = z.output<typeof caseStatsQuerySchema>;

/** The cases of one province and category that are at one stage of the lifecycle now. */
export const caseStatsRowSchema = z.object({
  province: provinceCodeSchema,
  category: caseCategorySchema,
  status: caseStatusSchema,
  cases: z.int().min(1),
  overdue: z.int().min(0).meta({
    description: 'Not closed and past the deadline for a determination (تعیین تکلیف)',
  }),
  estimatedValueRials: rialsTextSchema.meta({ description: 'Sum of the estimated values of the goods' }),
});
export type CaseStatsRow = z.output<typeof caseStatsRowSchema>;

export const caseStatsSchema = z
  .object({
    generatedAt: z
      .string()
      .meta({ description: 'When these figures were computed (they may be cached briefly)' }),
    rows: z.array(caseStatsRowSchema).meta({
      description: 'One row per province, category and status that has cases; ordered by those three',
    }),
  })
  .meta({ id: 'CaseStats' });
export type CaseStats = z.output<typeof caseStatsSchema>;
