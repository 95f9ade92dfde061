import { z } from 'zod';
import { quantitySchema } from '../values/quantity.ts';
import { utcDateTimeSchema } from '../values/time.ts';
import { provinceCodeSchema } from '../vocab/provinces.ts';
import { lotTransitViewSchema } from './lots.ts';
import { cursorPageQuerySchema, cursorPageSchema } from './pagination.ts';

/** The destination office's record of a transit's arrival. */
export const recordArrivalBodySchema = z.strictObject({
  quantity: quantitySchema.meta({ description: 'Quantity received, in the unit it was sent in' }),
  arrivedAt: utcDateTimeSchema.optional().meta({ description: 'Defaults to now' }),
});
export type RecordArrivalBody = z.output<typeof recordArrivalBodySchema>;

export const transitListQuerySchema = cursorPageQuerySchema.extend({
  state: z
    .enum(['open', 'overdue', 'closed'])
    .default('open')
    .meta({ description: 'overdue: open past the expected arrival' }),
  originProvince: provinceCodeSchema.optional(),
  destinationProvince: provinceCodeSchema.optional(),
});
export type TransitListQuery = z.output<typeof transitListQuerySchema>;

export const transitPageSchema = cursorPageSchema(lotTransitViewSchema);
