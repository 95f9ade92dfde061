import { z } from 'zod';
import { rialsTextSchema } from '../values/rial.ts';
import { lotCategorySchema } from '../vocab/lots.ts';
import { provinceCodeSchema } from '../vocab/provinces.ts';

export const dwellStatsQuerySchema = z.object({ province: provinceCodeSchema.optional() });

/** Dwell (رسوب) of the lots held right now at one office, for one category of goods. */
export const dwellStatsRowSchema = z.object({
  officeId: z.string(),
  province: provinceCodeSchema,
  category: lotCategorySchema,
  lotsHeld: z.int().min(0).meta({ description: 'Held and not yet in a final state' }),
  dwellDays: z
    .object({ p50: z.number(), p90: z.number(), max: z.number() })
    .meta({ description: 'Days since first held (nearest-rank percentiles)' }),
  pastAbandonment: z.int().min(0).meta({ description: 'Held past the abandonment date' }),
  valueHeldRials: rialsTextSchema,
});

export const dwellStatsSchema = z
  .object({ generatedAt: z.string(), rows: z.array(dwellStatsRowSchema) })
  .meta({ id: 'DwellStats' });
export type DwellStats = z.output<typeof dwellStatsSchema>;
