import { z } from 'zod';

/** Units goods are counted or measured in at customs and in seizure reports. */
export const quantityUnits = [
  'kg',
  'tonne',
  'litre',
  'cubic_metre',
  'piece',
  'carton',
  'pair',
  'head',
  'metre',
  'square_metre',
] as const;

export const quantityUnitSchema = z.enum(quantityUnits);
export type QuantityUnit = z.output<typeof quantityUnitSchema>;

/** How much of something: a non-negative amount in a unit. Zero is allowed (a transit can arrive empty). */
export const quantitySchema = z.object({
  amount: z.number().nonnegative().max(1e12),
  unit: quantityUnitSchema,
});

export type Quantity = z.output<typeof quantitySchema>;
